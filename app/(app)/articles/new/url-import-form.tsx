'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { UrlImportPreview } from '@/lib/articles/import-url';
import { api } from '@/components/ui/api-client';
import { useApiAction } from '@/components/ui/use-api-action';
import { FieldError, FormError, SubmitButton } from '@/components/ui/form-messages';
import { ARTICLE_PUBLISHER_MAX, ARTICLE_TITLE_MAX } from '@/lib/articles/limits';

/** Preview paragraphs shown before saving; the rest is summarised so a long article does not bury the form. */
const PREVIEW_PARAGRAPHS = 8;

/**
 * Import by link in two steps: fetch and show what was extracted (POST /api/articles/preview), then save with the
 * editor's corrections (POST /api/articles with `format: "url"`) and open the article (an existing one for a known link).
 */
export function UrlImportForm() {
  const router = useRouter();
  const [url, setUrl] = useState('');
  const [preview, setPreview] = useState<UrlImportPreview | null>(null);
  const [leaving, setLeaving] = useState(false);
  const { busy: fetching, error, onSubmit } = useApiAction();
  const saving = useApiAction();

  const fetchPreview = onSubmit(async () => {
    setPreview(null);
    setPreview(await api<UrlImportPreview>('/api/articles/preview', { body: { url } }));
  });

  const importLink = saving.onSubmit(async (data) => {
    const { id } = await api<{ id: number }>('/api/articles', {
      body: {
        format: 'url',
        url: String(data.get('url') ?? ''),
        title: String(data.get('title') ?? ''),
        publisher: String(data.get('publisher') ?? ''),
        publishedAt: String(data.get('publishedAt') ?? ''),
        copy: data.get('copy') === 'on',
      },
    });
    setLeaving(true);
    router.push(`/articles/${id}`);
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
        <form onSubmit={importLink} className="stack url-preview" key={preview.fetchedUrl}>
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
            <FieldError message={saving.fields.title} />
          </label>
          <div className="row">
            <label>
              Publisher
              <input name="publisher" defaultValue={preview.publisher ?? ''} maxLength={ARTICLE_PUBLISHER_MAX} />
            </label>
            <label>
              Published
              <input name="publishedAt" type="date" defaultValue={preview.publishedAt ?? ''} />
              <FieldError message={saving.fields.publishedAt} />
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
          <FormError message={saving.error} />
          <SubmitButton busy={saving.busy || leaving} busyLabel="Importing…">
            {preview.existingId ? 'Open or import' : 'Import article'}
          </SubmitButton>
        </form>
      )}
    </section>
  );
}
