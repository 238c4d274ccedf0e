/**
 * Exports claims to stdout or a file, through the same service as GET /api/export.
 * Usage: npm run -s export -- --format csv [--status verified] [--article ID] [--verdict ID] [--type statistic] [--tag TAG]
 *        [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out FILE [--force]] [--as EMAIL] [--origin URL] [--no-bom]
 * --out refuses to replace an existing file unless --force is given.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { closeDb } from '@/db/client';
import { AppError, Invalid } from '@/lib/errors';
import { databaseTarget } from '@/db/engine';
import { parseInput } from '@/lib/validation';
import { tokenOrEmailActor } from '@/lib/export/token-or-email-actor';
import { exportClaims } from '@/lib/export/export-claims';
import { publicOrigin } from '@/lib/export/public-origin';

const USAGE =
  'Usage: npm run -s export -- --format csv|json|jsonl|claimreview|webannotation [--status verified|all|draft,...] ' +
  '[--article ID] [--verdict ID] [--type TYPE] [--tag TAG] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--out FILE [--force]] [--as EMAIL] [--origin URL] [--no-bom]';

const cliArgs = z.strictObject({
  format: z.string({ error: '--format is required.' }),
  status: z.string().optional(),
  article: z.string().optional(),
  verdict: z.string().optional(),
  type: z.string().optional(),
  tag: z.string().optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  out: z.string().min(1).optional(),
  as: z.email('--as must be an email address.').optional(),
  origin: z.url({ protocol: /^https?$/, error: '--origin must be an http(s) URL.' }).optional(),
  'no-bom': z.boolean().optional(),
  force: z.boolean().optional(),
});

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    options: {
      format: { type: 'string' },
      status: { type: 'string' },
      article: { type: 'string' },
      verdict: { type: 'string' },
      type: { type: 'string' },
      tag: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      out: { type: 'string' },
      as: { type: 'string' },
      origin: { type: 'string' },
      'no-bom': { type: 'boolean' },
      force: { type: 'boolean' },
    },
  });
  const { out, as, origin, 'no-bom': noBom, force, ...filters } = parseInput(cliArgs, values);
  // Opening a missing SQLite file would silently create an empty database.
  const target = databaseTarget();
  if (target.engine === 'sqlite' && !fs.existsSync(target.file)) {
    throw Invalid(`No database at ${target.file}; set DATABASE_URL or run npm run db:migrate.`);
  }
  const actor = await tokenOrEmailActor(as);
  const result = await exportClaims({
    actor,
    input: { ...filters, ...(noBom ? { bom: '0' } : {}) },
    origin: origin ?? publicOrigin(),
  });
  // pipeline waits for the sink to drain, so memory stays flat even when stdout is slow.
  // 'wx' fails with EEXIST instead of replacing a file (an earlier export, a backup) the user did not mean to lose.
  await pipeline(Readable.from(result.chunks), out ? fs.createWriteStream(out, { flags: force ? 'w' : 'wx' }) : process.stdout);
  if (out) console.error(`Wrote ${out}.`);
}

main()
  .catch((error: unknown) => {
    // `npm run -s export -- ... | head` closes the pipe early; that is the reader's choice, not a failure.
    if ((error as { code?: unknown }).code === 'EPIPE') return;
    if ((error as { code?: unknown }).code === 'EEXIST') {
      console.error(`export: ${(error as { path?: string }).path ?? 'the --out file'} already exists; pass --force to replace it.`);
      process.exitCode = 1;
      return;
    }
    // Bad arguments and refused exports are the user's to fix: print the message, not a stack.
    const known = error instanceof AppError || (error instanceof Error && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS'));
    if (known) console.error(`export: ${(error as Error).message}\n${USAGE}`);
    else console.error(error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
