'use client';

import Link from 'next/link';
import { useActionState, useState, useTransition } from 'react';
import type { UrlImportPreview } from '@/lib/articles/import-url';
import { importLink, previewLink } from './url-actions';
import { ARTICLE_PUBLISHER_MAX, ARTICLE_TITLE_MAX } from '@/lib/articles/limits';

/** Preview paragraphs shown before saving; the rest is summarised so a long article does not bury the form. */
const PREVIEW_PARAGRAPHS = 8;

/** Import by link in two steps: fetch and show what was extracted, then save with the editor's corrections. */
export function UrlImportForm() {
  const [url, setUrl] = useState(''); // controlled: a form action resets uncontrolled fields after it runs
  const [preview, setPreview] = useState<UrlImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fetching, startFetch] = useTransition();
  const [state, importAction, importing] = useActionState(importLink, {});

  const fetchPreview = (form: FormData) => {
    setError(null);
    startFetch(async () => {
      const result = await previewLink(String(form.get('url') ?? ''));
      if (result.ok) setPreview(result.preview);
      else {
        setPreview(null);
        setError(result.message);
      }
    });
  };

  const paragraphs = preview?.text.split(/\n{2,}/) ?? [];
  return (
    <section className="panel-box url-import">
      <h2>From a link</h2>
      <form action={fetchPreview} className="url-fetch">
        <label>
          Article link
          <input name="url" type="url" required placeholder="https://www.example.com/news/…" value={url} onChange={(e) => setUrl(e.target.value)} />
        </label>
        <button type="submit" disabled={fetching}>
          {fetching ? 'Fetching…' : 'Fetch article'}
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
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
            {state.fields?.title && <span className="field-error">{state.fields.title}</span>}
          </label>
          <div className="row">
            <label>
              Publisher
              <input name="publisher" defaultValue={preview.publisher ?? ''} maxLength={ARTICLE_PUBLISHER_MAX} />
            </label>
            <label>
              Published
              <input name="publishedAt" type="date" defaultValue={preview.publishedAt ?? ''} />
              {state.fields?.publishedAt && <span className="field-error">{state.fields.publishedAt}</span>}
            </label>
            <label>
              Byline
              <input value={preview.byline ?? ''} readOnly />
            </label>
          </div>
          <p className="meta">
            Canonical address: <a href={preview.canonicalUrl} target="_blank" rel="noopener noreferrer nofollow">{preview.canonicalUrl}</a>
          </p>
          <p className="meta">The text Claimdesk found (navigation, ads and comments left out):</p>
          <div className="extract-preview" aria-label="Extracted text">
            {paragraphs.slice(0, PREVIEW_PARAGRAPHS).map((p, i) => (
              <p key={i}>{p}</p>
            ))}
            {paragraphs.length > PREVIEW_PARAGRAPHS && <p className="muted">… and {paragraphs.length - PREVIEW_PARAGRAPHS} more paragraphs.</p>}
          </div>
          {state.message && (
            <p className="form-error" role="alert">
              {state.message}
            </p>
          )}
          <button type="submit" className="primary" disabled={importing}>
            {importing ? 'Importing…' : preview.existingId ? 'Open or import' : 'Import article'}
          </button>
        </form>
      )}
    </section>
  );
}
