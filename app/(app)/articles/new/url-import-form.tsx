'use client';

import Link from 'next/link';
import { useActionState, useState } from 'react';
import type { UrlImportPreview } from '@/lib/articles/import-url';
import { ApiError } from '@/components/ui/api-client';
import { useApiAction } from '@/components/ui/use-api-action';
import { FieldError, FormError, SubmitButton } from '@/components/ui/form-messages';
import { importLink, previewLink } from './url-actions';
import { ARTICLE_PUBLISHER_MAX, ARTICLE_TITLE_MAX } from '@/lib/articles/limits';

/** Preview paragraphs shown before saving; the rest is summarised so a long article does not bury the form. */
const PREVIEW_PARAGRAPHS = 8;

/** Import by link in two steps: fetch and show what was extracted, then save with the editor's corrections. */
export function UrlImportForm() {
  const [url, setUrl] = useState('');
  const [preview, setPreview] = useState<UrlImportPreview | null>(null);
  const { busy: fetching, error, onSubmit } = useApiAction();
  const [state, importAction, importing] = useActionState(importLink, {});

  // The preview is a server action that answers errors as values; they are shown like an API error.
  const fetchPreview = onSubmit(async () => {
    const result = await previewLink(url);
    setPreview(result.ok ? result.preview : null);
    if (!result.ok) throw new ApiError(400, result.message);
  });

  const paragraphs = preview?.text.split(/\n{2,}/) ?? [];
  return (
    <section className="panel-box url-import">
      <h2>From a link</h2>
      <form className="url-fetch" onSubmit={fetchPreview}>
        <label>
          Article link
          <input name="url" type="url" required placeholder="https://www.example.com/news/…" value={url} onChange={(e) => setUrl(e.target.value)} />
        </label>
        <SubmitButton busy={fetching} busyLabel="Fetching…" className="">
          Fetch article
        </SubmitButton>
      </form>
      <FormError message={error} />
      {preview && (
        <form action={importAction} className="stack url-preview" key={preview.fetchedUrl}>
          <input type="hidden" name="url" value={preview.fetchedUrl} />
          {preview.existingId && (
            <div className="notice" role="status">
              This link was imported before: <Link href={`/articles/${preview.existingId}`}>open the existing article</Link>.
              <label className="inline">
                <input type="checkbox" name="copy" /> Import a separate copy anyway
              </label>
            </div>
          )}
          <label>
            Title
            <input name="title" defaultValue={preview.title ?? ''} required maxLength={ARTICLE_TITLE_MAX} />
            <FieldError message={state.fields?.title} />
          </label>
          <div className="row">
            <label>
              Publisher
              <input name="publisher" defaultValue={preview.publisher ?? ''} maxLength={ARTICLE_PUBLISHER_MAX} />
            </label>
            <label>
              Published
              <input name="publishedAt" type="date" defaultValue={preview.publishedAt ?? ''} />
              <FieldError message={state.fields?.publishedAt} />
            </label>
            <label>
              Byline
              <input value={preview.byline ?? ''} readOnly />
            </label>
          </div>
          <p className="meta">
            Canonical address:{' '}
            <a href={preview.canonicalUrl} target="_blank" rel="noopener noreferrer nofollow">
              {preview.canonicalUrl}
            </a>
          </p>
          <p className="meta">The text Claimdesk found (navigation, ads and comments left out):</p>
          <div className="extract-preview" aria-label="Extracted text">
            {paragraphs.slice(0, PREVIEW_PARAGRAPHS).map((p, i) => (
              <p key={i}>{p}</p>
            ))}
            {paragraphs.length > PREVIEW_PARAGRAPHS && <p className="muted">… and {paragraphs.length - PREVIEW_PARAGRAPHS} more paragraphs.</p>}
          </div>
          <FormError message={state.message} />
          <SubmitButton busy={importing} busyLabel="Importing…">
            {preview.existingId ? 'Open or import' : 'Import article'}
          </SubmitButton>
        </form>
      )}
    </section>
  );
}
