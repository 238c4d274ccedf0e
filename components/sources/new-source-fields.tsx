import { SOURCE_PUBLISHER_MAX, SOURCE_TITLE_MAX, SOURCE_URL_MAX } from '@/lib/sources/limits';
import { FieldError } from '@/components/ui/form-messages';

type Props = {
  /** Field messages from the API (`fields` of a 400), keyed by input name. */
  errors?: Record<string, string>;
  /** Initial values, for editing an existing source. */
  defaults?: { url?: string; title?: string; publisher?: string; publishedAt?: string | null; archivedUrl?: string | null };
};

const FIELD_NAMES = ['url', 'title', 'publisher', 'publishedAt', 'archivedUrl'] as const;

/** The values of these inputs in a submitted form, as the sources API takes them (empty strings for blanks). */
export function sourceFieldValues(data: FormData): Record<(typeof FIELD_NAMES)[number], string> {
  return Object.fromEntries(FIELD_NAMES.map((k) => [k, String(data.get(k) ?? '')])) as Record<(typeof FIELD_NAMES)[number], string>;
}

/** The inputs describing a source (URL, title, publisher, date, archived copy); used inside a form that submits them. */
export function NewSourceFields({ errors = {}, defaults = {} }: Props) {
  return (
    <div className="source-fields">
      <label>
        URL
        <input name="url" type="url" required maxLength={SOURCE_URL_MAX} defaultValue={defaults.url} placeholder="https://…" />
        <FieldError message={errors.url} />
      </label>
      <label>
        Title
        <input name="title" maxLength={SOURCE_TITLE_MAX} defaultValue={defaults.title} />
        <FieldError message={errors.title} />
      </label>
      <div className="source-fields-row">
        <label>
          Publisher
          <input name="publisher" maxLength={SOURCE_PUBLISHER_MAX} defaultValue={defaults.publisher} />
          <FieldError message={errors.publisher} />
        </label>
        <label>
          Published
          <input name="publishedAt" type="date" defaultValue={defaults.publishedAt ?? ''} />
          <FieldError message={errors.publishedAt} />
        </label>
      </div>
      <label>
        Archived copy <span className="hint">optional</span>
        <input
          name="archivedUrl"
          type="url"
          maxLength={SOURCE_URL_MAX}
          defaultValue={defaults.archivedUrl ?? ''}
          placeholder="https://web.archive.org/…"
        />
        <FieldError message={errors.archivedUrl} />
      </label>
    </div>
  );
}
