'use client';

import { useActionState } from 'react';
import { FieldError, FormError, SubmitButton } from '@/components/ui/form-messages';
import { importArticle } from './actions';
import { ARTICLE_PUBLISHER_MAX, ARTICLE_TITLE_MAX } from '@/lib/articles/limits';

/** The import form (or, with `versionOf`, the form for an article's new text); errors come back as values. */
export function ImportForm({ versionOf }: { versionOf?: number }) {
  const [state, action, pending] = useActionState(importArticle, {});
  return (
    <form action={action} className="stack import-form">
      {versionOf && <input type="hidden" name="versionOf" value={versionOf} />}
      <label>
        Title <span className="hint">optional: taken from the first line, &lt;title&gt; or # heading</span>
        <input name="title" maxLength={ARTICLE_TITLE_MAX} />
        <FieldError message={state.fields?.title} />
      </label>
      {!versionOf && (
        <div className="row">
          <label>
            Source URL
            <input name="sourceUrl" type="url" placeholder="https://…" />
            <FieldError message={state.fields?.sourceUrl} />
          </label>
          <label>
            Publisher
            <input name="publisher" maxLength={ARTICLE_PUBLISHER_MAX} />
          </label>
          <label>
            Published
            <input name="publishedAt" type="date" />
            <FieldError message={state.fields?.publishedAt} />
          </label>
        </div>
      )}
      <fieldset className="format">
        <legend>Format of pasted content</legend>
        {(['text', 'html', 'markdown'] as const).map((f) => (
          <label key={f} className="inline">
            <input type="radio" name="format" value={f} defaultChecked={f === 'text'} /> {f === 'text' ? 'Plain text' : f === 'html' ? 'HTML' : 'Markdown'}
          </label>
        ))}
      </fieldset>
      <label>
        Content
        <textarea name="content" rows={14} placeholder="Paste the article here…" />
        <FieldError message={state.fields?.content} />
      </label>
      <label>
        Or upload a file
        <input name="file" type="file" accept=".txt,.html,.htm,.md,.markdown,text/plain,text/html,text/markdown" />
        <FieldError message={state.fields?.file} />
      </label>
      <FormError message={state.message} />
      <SubmitButton busy={pending} busyLabel="Importing…">{versionOf ? 'Import new version' : 'Import'}</SubmitButton>
    </form>
  );
}
