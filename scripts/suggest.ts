/**
 * Prints claim suggestions for an article file as JSON.
 * Usage: npm run -s suggest -- FILE   (.html/.htm -> html, .md -> markdown, anything else -> text)
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { type ArticleFormat, convertArticle } from '@/lib/articles/convert';
import { suggestClaims } from '@/lib/suggest';

const USAGE = 'Usage: npm run -s suggest -- FILE';

const cliArgs = z.tuple([z.string().min(1, 'FILE must not be empty.')], { error: USAGE });

const FORMAT_BY_EXTENSION: Record<string, ArticleFormat> = { '.html': 'html', '.htm': 'html', '.md': 'markdown' };

function formatOf(file: string): ArticleFormat {
  return FORMAT_BY_EXTENSION[path.extname(file).toLowerCase()] ?? 'text';
}

async function main(): Promise<void> {
  const parsed = cliArgs.safeParse(process.argv.slice(2).filter((arg) => arg !== '--'));
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? USAGE);
  const [file] = parsed.data;
  const content = await readFile(file, 'utf8');
  const article = convertArticle({ format: formatOf(file), content });
  process.stdout.write(`${JSON.stringify(suggestClaims(article.text), null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
