'use server';

import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/current-actor';
import { createArticle } from '@/lib/articles/create-article';
import { createArticleVersion } from '@/lib/articles/create-article-version';
import { AppError } from '@/lib/errors';

export type ImportState = { message?: string; fields?: Record<string, string> };

const FORMAT_BY_EXTENSION: Record<string, 'text' | 'html' | 'markdown'> = {
  txt: 'text',
  text: 'text',
  html: 'html',
  htm: 'html',
  md: 'markdown',
  markdown: 'markdown',
};

/** Server action behind the import form (new article, or with `versionOf` new text for one): an uploaded file wins over pasted content. */
export async function importArticle(_prev: ImportState, form: FormData): Promise<ImportState> {
  const actor = await getActor();
  if (!actor) redirect('/login');
  let format = String(form.get('format') ?? 'text');
  let content = String(form.get('content') ?? '');
  const file = form.get('file');
  if (file instanceof File && file.size > 0) {
    const ext = file.name.split('.').pop()?.toLowerCase() ?? '';
    if (!FORMAT_BY_EXTENSION[ext]) return { message: 'Upload a .txt, .html or .md file.', fields: { file: 'Unsupported file type.' } };
    format = FORMAT_BY_EXTENSION[ext];
    content = await file.text();
  }
  const versionOf = Number(form.get('versionOf')) || null;
  const title = String(form.get('title') ?? '');
  let id: number;
  try {
    ({ id } = await (versionOf
      ? createArticleVersion({ actor, articleId: versionOf, input: { title, format, content } })
      : createArticle({
          actor,
          input: {
            title,
            format,
            content,
            sourceUrl: String(form.get('sourceUrl') ?? ''),
            publisher: String(form.get('publisher') ?? ''),
            publishedAt: String(form.get('publishedAt') ?? ''),
          },
        })));
  } catch (error) {
    if (error instanceof AppError) return { message: error.message, fields: error.fields };
    throw error;
  }
  redirect(`/articles/${id}`);
}
