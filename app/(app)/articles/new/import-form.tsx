'use client';

import { useActionState } from 'react';
import { importArticle, type ImportState } from './actions';
import { ARTICLE_PUBLISHER_MAX, ARTICLE_TITLE_MAX } from '@/lib/articles/limits';

function FieldError({ state, name }: { state: ImportState; name: string }) {
  const message = state.fields?.[name];
  return message ? <span className="field-error">{message}</span> : null;
}

/** The import form (or, with `versionOf`, the form for an article's new text); errors come back as values. */
export function ImportForm({ versionOf }: { versionOf?: number }) {
  const [state, action, pending] = useActionState(importArticle, {});
  return (
    <form action={action} className="stack import-form">
      {versionOf && <input type="hidden" name="versionOf" value={versionOf} />}
      <label>
        Title <span className="hint">optional: taken from the first line, &lt;title&gt; or # heading</span>
        <input name="title" maxLength={ARTICLE_TITLE_MAX} />
        <FieldError state={state} name="title" />
      </label>
      {!versionOf && (
        <div className="row">
          <label>
            Source URL
            <input name="sourceUrl" type="url" placeholder="https://…" />
            <FieldError state={state} name="sourceUrl" />
          </label>
          <label>
            Publisher
            <input name="publisher" maxLength={ARTICLE_PUBLISHER_MAX} />
          </label>
          <label>
            Published
            <input name="publishedAt" type="date" />
            <FieldError state={state} name="publishedAt" />
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
        <FieldError state={state} name="content" />
      </label>
      <label>
        Or upload a file
        <input name="file" type="file" accept=".txt,.html,.htm,.md,.markdown,text/plain,text/html,text/markdown" />
        <FieldError state={state} name="file" />
      </label>
      {state.message && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
      <button type="submit" className="primary" disabled={pending}>
        {pending ? 'Importing…' : versionOf ? 'Import new version' : 'Import'}
      </button>
    </form>
  );
}
