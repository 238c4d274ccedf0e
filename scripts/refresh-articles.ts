/**
 * Checks every article imported from a link for a changed text, through the same service as "Check for updates".
 * Usage: CLAIMDESK_TOKEN=... npm run -s articles:refresh [-- --older-than 6h]
 * Prints one line per article; exits 1 when any check failed (so cron mails it).
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { closeDb } from '@/db/client';
import { databaseTarget } from '@/db/engine';
import { refreshArticle } from '@/lib/articles/refresh-article';
import { listArticlesToCheck } from '@/lib/articles/list-articles-to-check';
import { requireTokenActor } from '@/lib/auth/require-token-actor';
import { AppError, Invalid } from '@/lib/errors';

const USAGE = 'Usage: CLAIMDESK_TOKEN=... npm run -s articles:refresh [-- --older-than 6h]   (units: m, h, d; default: check all)';
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** '6h' -> milliseconds; throws Invalid for anything else. */
export function parseAge(value: string): number {
  const match = /^(\d+)\s*([mhd])$/.exec(value.trim());
  if (!match) throw Invalid(`--older-than takes a number and a unit (m, h or d), e.g. 6h; got "${value}".`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), strict: true, options: { 'older-than': { type: 'string' } } });
  // A missing SQLite file would be created empty by opening it; a PostgreSQL URL is checked by connecting.
  const target = databaseTarget();
  if (target.engine === 'sqlite' && !fs.existsSync(target.file))
    throw Invalid(`No database at ${target.file}; set DATABASE_URL or run npm run db:migrate.`);
  const actor = await requireTokenActor();
  const olderThan = values['older-than'] ? parseAge(values['older-than']) : 0;
  const due = await listArticlesToCheck({ actor, checkedBefore: new Date(Date.now() - olderThan) });
  let failed = 0;
  // One at a time: a desk has tens of links to check, and publishers should not see a burst from us.
  for (const article of due) {
    const label = `#${article.id} ${article.title.slice(0, 60)}`;
    try {
      const result = await refreshArticle({ actor, articleId: article.id });
      if (!result.changed) console.log(`${label}: unchanged`);
      else {
        const moved = result.kept + result.moved + result.fuzzy;
        console.log(
          `${label}: new version #${result.article.id} with ${moved} claim${moved === 1 ? '' : 's'} moved, ${result.backToReview} back to review, ${result.orphaned} orphaned`,
        );
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      failed++;
      console.log(`${label}: failed: ${error.message}`);
    }
  }
  if (due.length === 0) console.error('No articles imported from a link are due for a check.');
  if (failed > 0) process.exitCode = 1;
}

main()
  .catch((error: unknown) => {
    const known = error instanceof AppError || (error instanceof Error && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS'));
    if (known) console.error(`articles:refresh: ${(error as Error).message}\n${USAGE}`);
    else console.error(error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
