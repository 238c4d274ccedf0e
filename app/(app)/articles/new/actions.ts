'use server';

import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/current-actor';
import { createArticle } from '@/lib/articles/create-article';
import { createArticleVersion } from '@/lib/articles/create-article-version';
import { AppError } from '@/lib/errors';
import { MAX_ARTICLE_BYTES } from '@/lib/articles/limits';

/**
 * `values`: what was typed, given back with an error so the form can show it again (React empties a form once its
 * action is done); content over the size limit is not sent back.
 */
export type ImportState = { message?: string; fields?: Record<string, string>; values?: Record<string, string> };

const TEXT_FIELDS = ['title', 'sourceUrl', 'publisher', 'publishedAt', 'format', 'content'] as const;

function typedValues(form: FormData): Record<string, string> {
  const values = Object.fromEntries(TEXT_FIELDS.map((k) => [k, String(form.get(k) ?? '')]));
  if (Buffer.byteLength(values.content, 'utf8') > MAX_ARTICLE_BYTES) values.content = '';
  return values;
}

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
    if (!FORMAT_BY_EXTENSION[ext])
      return { message: 'Upload a .txt, .html or .md file.', fields: { file: 'Unsupported file type.' }, values: typedValues(form) };
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
    if (error instanceof AppError) return { message: error.message, fields: error.fields, values: typedValues(form) };
    throw error;
  }
  redirect(`/articles/${id}`);
}
