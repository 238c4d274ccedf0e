'use client';

import { useActionState, useState } from 'react';
import { FieldError, FormError, SubmitButton } from '@/components/ui/form-messages';
import { importArticle, type ImportState } from './actions';
import { ARTICLE_PUBLISHER_MAX, ARTICLE_TITLE_MAX } from '@/lib/articles/limits';

/** Inputs of this form that show their own error; an error about one of them is not repeated above the button. */
const SHOWN_FIELDS = ['title', 'sourceUrl', 'publishedAt', 'content', 'file'];
const FORMATS = [
  ['text', 'Plain text'],
  ['html', 'HTML'],
  ['markdown', 'Markdown'],
] as const;

/**
 * The import form (or, with `versionOf`, the form for an article's new text); errors come back as values with what
 * was typed, and an error goes away as soon as its field (or, for a general one, any field) is changed.
 */
export function ImportForm({ versionOf }: { versionOf?: number }) {
  const [state, action, pending] = useActionState(importArticle, {});
  const [edited, setEdited] = useState<{ state: ImportState; names: string[] }>({ state, names: [] });
  const changed = edited.state === state ? edited.names : [];
  const fieldError = (name: string) => (changed.includes(name) ? undefined : state.fields?.[name]);
  const ownErrorShown = SHOWN_FIELDS.some((f) => fieldError(f));
  const message = changed.length === 0 && !ownErrorShown ? state.message : undefined;
  const values = state.values ?? {};

  return (
    <form
      action={action}
      className="stack import-form"
      onChange={(e) => {
        const name = (e.target as unknown as HTMLInputElement).name;
        if (name && !changed.includes(name)) setEdited({ state, names: [...changed, name] });
      }}
    >
      {versionOf && <input type="hidden" name="versionOf" value={versionOf} />}
      <label>
        Title <span className="hint">optional: taken from the first line, &lt;title&gt; or # heading</span>
        <input name="title" maxLength={ARTICLE_TITLE_MAX} defaultValue={values.title} />
        <FieldError message={fieldError('title')} />
      </label>
      {!versionOf && (
        <div className="row">
          <label>
            Source URL
            <input name="sourceUrl" type="url" placeholder="https://…" defaultValue={values.sourceUrl} />
            <FieldError message={fieldError('sourceUrl')} />
          </label>
          <label>
            Publisher
            <input name="publisher" maxLength={ARTICLE_PUBLISHER_MAX} defaultValue={values.publisher} />
          </label>
          <label>
            Published
            <input name="publishedAt" type="date" defaultValue={values.publishedAt} />
            <FieldError message={fieldError('publishedAt')} />
          </label>
        </div>
      )}
      <fieldset className="format">
        <legend>Format of pasted content</legend>
        {FORMATS.map(([f, label]) => (
          <label key={f} className="inline">
            <input type="radio" name="format" value={f} defaultChecked={f === (values.format || 'text')} /> {label}
          </label>
        ))}
      </fieldset>
      <label>
        Content
        <textarea name="content" rows={14} placeholder="Paste the article here…" defaultValue={values.content} />
        <FieldError message={fieldError('content')} />
      </label>
      <label>
        Or upload a file
        <input name="file" type="file" accept=".txt,.html,.htm,.md,.markdown,text/plain,text/html,text/markdown" />
        <FieldError message={fieldError('file')} />
      </label>
      <FormError message={message} />
      <SubmitButton busy={pending} busyLabel="Importing…">
        {versionOf ? 'Import new version' : 'Import'}
      </SubmitButton>
    </form>
  );
}
