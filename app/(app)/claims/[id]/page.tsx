import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { pageActor } from '@/lib/auth/page-actor';
import { getActor } from '@/lib/auth/current-actor';
import { getClaim } from '@/lib/claims/get-claim';
import { latestEventOf, listLatestEvents } from '@/lib/review/list-events';
import { allowedTransitions } from '@/lib/claims/claim-abilities';
import { filterOptions } from '@/lib/review/filter-options';
import { articleTitle } from '@/lib/articles/list-articles';
import { AppError } from '@/lib/errors';
import { parseId } from '@/lib/validation';
import { TYPE_LABELS } from '@/components/labels';
import { ClaimContext } from '@/components/claims/claim-context';
import { SourceList } from '@/components/claims/source-list';
import { ClaimHistory } from '@/components/claims/claim-history';
import { CommentForm } from '@/components/claims/comment-form';
import { ClaimActions } from '@/components/claims/claim-actions';
import { ClaimFixForm } from '@/components/claims/claim-fix-form';
import { formatDateTime } from '@/components/claims/format';
import { VerdictBadge } from '@/components/ui/verdict-badge';
import { MarkdownText } from '@/components/ui/markdown-text';
import { getSettings } from '@/lib/settings/get-settings';
import { SeenBefore } from '@/components/matching/seen-before';
import { ReusedNote } from '@/components/matching/reused-note';
import { StatusBadge } from '@/components/ui/status-badge';
import { listPeople } from '@/lib/users/list-people';
import { PeopleProvider } from '@/components/claims/people-context';
import { ClaimAssignee } from '@/components/claims/claim-assignee';
import { TagChips } from '@/components/claims/tags-field';

/** The tab names the claim (for a signed-in reader who may see it; anyone else gets the plain word). */
export async function generateMetadata({ params }: Pick<PageProps, 'params'>): Promise<Metadata> {
  const id = parseId((await params).id);
  const actor = await getActor();
  if (id === null || !actor) return { title: 'Claim' };
  try {
    const text = (await getClaim({ actor, id })).claimText;
    return { title: `Claim: ${text.length > 60 ? `${text.slice(0, 59)}…` : text}` };
  } catch {
    return { title: 'Claim' };
  }
}

/** How many history events the claim page shows at once; "Show older" pages back through the rest. */
const HISTORY_PAGE = 50;

type PageProps = { params: Promise<{ id: string }>; searchParams: Promise<{ before?: string }> };

export default async function ClaimPage({ params, searchParams }: PageProps) {
  const actor = await pageActor();
  const id = parseId((await params).id);
  if (id === null) notFound();
  const before = parseId((await searchParams).before) ?? undefined;
  let claim;
  try {
    claim = await getClaim({ actor, id });
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
  const history = await listLatestEvents({ actor, id, before, limit: HISTORY_PAGE });
  const verdicts = Object.fromEntries((await filterOptions({ actor })).verdicts.map((v) => [v.id, v.label]));
  const isAuthor = claim.authorId === actor.id;
  const actions = allowedTransitions(claim.can);
  const lastRequest = claim.status === 'needs_changes' ? await latestEventOf({ actor, id, action: 'changes_requested' }) : undefined;
  const { publishFactChecks } = await getSettings();
  const people = await listPeople({ actor });
  return (
    <PeopleProvider people={people}>
      <div className="page claim-page">
        <p className="crumbs">
          <Link href="/claims">Claims</Link> ·{' '}
          <Link href={`/articles/${claim.articleId}?claim=${claim.id}`}>{(await articleTitle(claim.articleId)) ?? `Article ${claim.articleId}`}</Link>
          {claim.status === 'verified' && publishFactChecks && (
            <>
              {' · '}
              <a href={`/fact-checks/${claim.id}`}>Public fact-check page</a>
            </>
          )}
        </p>
        <div className="page-head">
          <h1 className="claim-title">{claim.claimText}</h1>
        </div>
        <p className="claim-badges">
          <StatusBadge status={claim.status} /> <VerdictBadge label={claim.verdictLabel} color={claim.verdictColor} />{' '}
          <span className="badge">{TYPE_LABELS[claim.type]}</span>
          {claim.orphaned && <span className="badge warn">Orphaned</span>} <TagChips tags={claim.tags} />
        </p>
        {lastRequest && (
          <div className="review-request" role="note">
            <strong>{lastRequest.actorName} requested changes:</strong> {lastRequest.comment}
          </div>
        )}
        <div className="claim-layout">
          <div className="stack">
            <section>
              <h2>In context</h2>
              <ClaimContext prefix={claim.prefix} exact={claim.exact} suffix={claim.suffix} />
            </section>
            <section>
              <h2>Rationale</h2>
              <ReusedNote fromClaimId={claim.reusedFromClaimId} />
              <MarkdownText text={claim.rationale} />
            </section>
            <section>
              <h2>Sources</h2>
              <SourceList sources={claim.sources} />
            </section>
            <SeenBefore
              claim={{ id: claim.id, version: claim.version, familyId: claim.familyId, reusedFromClaimId: claim.reusedFromClaimId, can: claim.can }}
            />
            <section>
              <h2 id="history">History</h2>
              {(history.olderCursor || before) && (
                <p className="pager">
                  {history.olderCursor && <Link href={`/claims/${claim.id}?before=${history.olderCursor}#history`}>Show older events</Link>}
                  {before && <Link href={`/claims/${claim.id}#history`}>Show latest events</Link>}
                </p>
              )}
              <ClaimHistory events={history.items} verdicts={verdicts} />
              {claim.can.comment && <CommentForm claimId={claim.id} />}
            </section>
          </div>
          <aside className="stack claim-aside">
            <dl className="facts">
              <dt>Claimant</dt>
              <dd>{claim.claimant || <span className="muted">—</span>}</dd>
              {claim.summary && (
                <>
                  <dt>Summary</dt>
                  <dd>{claim.summary}</dd>
                </>
              )}
              <dt>Author</dt>
              <dd>{claim.authorName}</dd>
              <dt>Reviewer</dt>
              <dd>{claim.reviewerName ?? <span className="muted">—</span>}</dd>
              <dt>Created</dt>
              <dd>{formatDateTime(claim.createdAt)}</dd>
              <dt>Updated</dt>
              <dd>{formatDateTime(claim.updatedAt)}</dd>
              <dt>Version</dt>
              <dd>{claim.version}</dd>
            </dl>
            <ClaimAssignee claim={claim} />
            {actions.length > 0 && (
              <section>
                <h2>Workflow</h2>
                <ClaimActions
                  claimId={claim.id}
                  version={claim.version}
                  actions={actions}
                  submitLabel={claim.status === 'needs_changes' ? 'Resubmit for review' : undefined}
                />
              </section>
            )}
            {claim.can.edit && (
              <details open={claim.status === 'needs_changes' && isAuthor}>
                <summary>Edit claim</summary>
                <ClaimFixForm
                  claimId={claim.id}
                  version={claim.version}
                  claimText={claim.claimText}
                  claimant={claim.claimant}
                  rationale={claim.rationale}
                />
                <p className="hint">
                  Verdict and sources: <Link href={`/articles/${claim.articleId}?claim=${claim.id}`}>edit in the article</Link>.
                </p>
              </details>
            )}
          </aside>
        </div>
      </div>
    </PeopleProvider>
  );
}
