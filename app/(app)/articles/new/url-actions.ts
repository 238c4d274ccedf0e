'use server';

import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/current-actor';
import { importArticleFromUrl, previewUrlImport, type UrlImportPreview } from '@/lib/articles/import-url';
import { AppError } from '@/lib/errors';

export type PreviewResult = { ok: true; preview: UrlImportPreview } | { ok: false; message: string };
export type LinkImportState = { message?: string; fields?: Record<string, string> };

/** Fetches a link and returns what would be imported (nothing stored); errors come back as values. */
export async function previewLink(url: string): Promise<PreviewResult> {
  const actor = await getActor();
  if (!actor) redirect('/login');
  try {
    return { ok: true, preview: await previewUrlImport({ actor, input: { url } }) };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    throw error;
  }
}

/** Imports the previewed link with the editor's corrections; opens the article (an existing one for a known link). */
export async function importLink(_prev: LinkImportState, form: FormData): Promise<LinkImportState> {
  const actor = await getActor();
  if (!actor) redirect('/login');
  let id: number;
  try {
    ({ id } = await importArticleFromUrl({
      actor,
      input: {
        format: 'url',
        url: String(form.get('url') ?? ''),
        title: String(form.get('title') ?? ''),
        publisher: String(form.get('publisher') ?? ''),
        publishedAt: String(form.get('publishedAt') ?? ''),
        copy: form.get('copy') === 'on',
      },
    }));
  } catch (error) {
    if (error instanceof AppError) return { message: error.message, fields: error.fields };
    throw error;
  }
  redirect(`/articles/${id}`);
}
