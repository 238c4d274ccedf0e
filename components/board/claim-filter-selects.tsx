import { CLAIM_TYPES } from '@/db/enums';
import type { FilterOptions } from '@/lib/review/filter-options';
import { OptionSelect } from '@/components/ui/option-select';
import { TYPE_LABELS } from '@/components/labels';

type Query = { verdict?: string; type?: string; articleId?: string; author?: string };

/**
 * The selects the board's and the review queue's filter forms share (verdict, type, article, author), named after
 * GET /api/claims' parameters. `verdictLabel` names what the verdict is there (the queue filters by the proposed one).
 */
export function ClaimFilterSelects({
  query,
  options,
  verdictLabel = 'Verdict',
  withAuthor = true,
}: {
  query: Query;
  options: FilterOptions;
  verdictLabel?: string;
  withAuthor?: boolean;
}) {
  return (
    <>
      <OptionSelect
        name="verdict"
        label={verdictLabel}
        any="Any verdict"
        value={query.verdict}
        options={options.verdicts.map((v) => ({ value: v.id, label: v.label }))}
      />
      <OptionSelect
        name="type"
        label="Type"
        any="All types"
        value={query.type}
        options={CLAIM_TYPES.map((t) => ({ value: t, label: TYPE_LABELS[t] }))}
      />
      <OptionSelect
        name="articleId"
        label="Article"
        any="All articles"
        value={query.articleId}
        options={options.articles.map((a) => ({ value: a.id, label: a.title.slice(0, 60) }))}
      />
      {withAuthor && (
        <OptionSelect
          name="author"
          label="Author"
          any="Any author"
          value={query.author}
          options={options.authors.map((u) => ({ value: u.id, label: u.name }))}
        />
      )}
    </>
  );
}
