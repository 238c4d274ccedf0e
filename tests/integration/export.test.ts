import { beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import Ajv2020 from 'ajv/dist/2020';
import { freshDb } from './setup-db';
import { asyncErrorOf } from './app-error';
import { sql } from 'drizzle-orm';
import { dbEngine, execute, getDb, queryRows } from '@/db/client';
import { settings } from '@/db/schema';
import { getArticle } from '@/lib/articles/get-article';
import { createClaim } from '@/lib/claims/create-claim';
import { updateClaim } from '@/lib/claims/update-claim';
import { attachSource } from '@/lib/sources/attach-source';
import { transitionClaim } from '@/lib/review/transition-claim';
import type { Actor } from '@/lib/auth/permissions';
import { countExportable, exportClaims } from '@/lib/export/export-claims';
import { claimReviewSchema, webAnnotationSchema } from '@/lib/export/schemas';
import { openExportReader } from '@/lib/export/export-reader';
import { streamClaims } from '@/lib/export/stream-claims';
import { toReadableStream } from '@/lib/export/to-readable-stream';

let actors: Awaited<ReturnType<typeof freshDb>>['actors'];
const ORIGIN = 'https://desk.example';

beforeEach(async () => {
  ({ actors } = await freshDb());
});

/** A claim on the sample article by the editor, with verdict, rationale and `urls` as sources; approved unless `status` says otherwise. */
async function claimOn(
  phrase: string,
  opts: { verdictId?: number; type?: 'statistic' | 'quote'; urls?: string[]; status?: 'draft' | 'in_review' | 'verified' } = {},
) {
  const { editor, reviewer } = actors;
  const { text } = await getArticle({ actor: editor, id: 1 });
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`sample article lacks ${phrase}`);
  let claim = await createClaim({
    actor: editor,
    input: { articleId: 1, start, end: start + phrase.length, type: opts.type ?? 'statistic', claimant: 'Ingrid Valmont' },
  });
  claim = await updateClaim({
    actor: editor,
    id: claim.id,
    input: { version: claim.version, verdictId: opts.verdictId ?? 2, rationale: `Checked "${phrase}", see filing.` },
  });
  for (const url of opts.urls ?? ['https://port.example/filing']) {
    claim = (await attachSource({ actor: editor, claimId: claim.id, input: { url, relation: 'supports', version: claim.version } })).claim;
  }
  if (opts.status === 'draft') return claim;
  claim = await transitionClaim({ actor: editor, id: claim.id, input: { action: 'submit', version: claim.version } });
  if (opts.status === 'in_review') return claim;
  return await transitionClaim({ actor: reviewer, id: claim.id, input: { action: 'approve', version: claim.version } });
}

/** Every chunk of an async iterable. */
async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/**
 * Whether an export still holds a read snapshot: on PostgreSQL a connection idle inside its transaction; on
 * SQLite a reader that keeps a checkpoint from emptying the write-ahead log (call after a write it cannot see).
 */
async function snapshotsHeld(): Promise<boolean> {
  if (dbEngine() === 'postgres') {
    const [row] = await queryRows<{ n: number }>(
      getDb(),
      sql`select cast(count(*) as integer) as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`,
    );
    return row.n > 0;
  }
  const [row] = await queryRows<{ busy: number }>(getDb(), sql`pragma wal_checkpoint(TRUNCATE)`);
  return row.busy !== 0;
}

/** `n` copies of claim `id`, each with a 500-character rationale (one statement, so large exports are quick to set up). */
async function copies(id: number, n: number): Promise<void> {
  await execute(
    getDb(),
    sql`with recursive n(i) as (select 0 union all select i + 1 from n where i < ${n - 1})
      insert into claims (article_id, start, "end", exact, prefix, suffix, type, claimant, claim_text, status, verdict_id, rationale, author_id, reviewer_id, updated_at, reviewed_at)
      select article_id, start, "end", exact, prefix, suffix, type, claimant, claim_text, status, verdict_id, 'Rationale ' || n.i || ' ' || ${'x'.repeat(500)},
        author_id, reviewer_id, updated_at, reviewed_at
      from claims, n where claims.id = ${id}`,
  );
}

async function run(input: Record<string, string>, actor: Actor = actors.editor): Promise<string> {
  return (await collect((await exportClaims({ actor, input, origin: ORIGIN })).chunks)).join('');
}

describe('exportClaims', () => {
  it('exports only verified claims by default, as CSV rows with their joined sources', async () => {
    const a = await claimOn('40,000 vehicles a day', {
      urls: ['https://port.example/filing', 'https://stats.example/traffic', 'https://news.example/x'],
    });
    const b = await claimOn('28,000 vehicles');
    await claimOn('35 percent', { status: 'in_review' });
    await claimOn('900 workers', { status: 'draft' });
    const result = await exportClaims({ actor: actors.editor, input: { format: 'csv' }, origin: ORIGIN });
    expect(result.contentType).toMatch(/^text\/csv; charset=utf-8/);
    expect(result.filename).toMatch(/^claimdesk-verified-claims-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parse((await collect(result.chunks)).join(''), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => Number(r.claim_id))).toEqual([a.id, b.id]);
    expect(rows[0]).toMatchObject({
      exact_quote: '40,000 vehicles a day',
      claimant: 'Ingrid Valmont',
      status: 'verified',
      verdict_label: 'Mostly true',
      verdict_rating: '5',
      author: 'Erin Editor',
      reviewer: 'Riley Reviewer',
      claim_url: `${ORIGIN}/claims/${a.id}`,
    });
    expect(rows[0].source_urls.split(' ').sort()).toEqual(['https://news.example/x', 'https://port.example/filing', 'https://stats.example/traffic']);
    expect(rows[1].source_urls).toBe('https://port.example/filing');
    expect(await countExportable({ actor: actors.editor, input: {} })).toBe(2);
  });

  it('filters by article, verdict, type and reviewed-date range', async () => {
    const a = await claimOn('40,000 vehicles a day', { verdictId: 1 });
    const b = await claimOn('28,000 vehicles', { verdictId: 3, type: 'quote' });
    const ids = async (input: Record<string, string>) => (JSON.parse(await run({ format: 'json', ...input })) as { id: number }[]).map((c) => c.id);
    expect(await ids({ article: '1' })).toEqual([a.id, b.id]);
    expect(await ids({ verdict: '3' })).toEqual([b.id]);
    expect(await ids({ type: 'statistic' })).toEqual([a.id]);
    const today = new Date().toISOString().slice(0, 10);
    expect(await ids({ from: today, to: today })).toEqual([a.id, b.id]);
    expect(await ids({ to: '2000-01-01' })).toEqual([]);
    expect(await countExportable({ actor: actors.editor, input: { verdict: '3', type: 'quote' } })).toBe(1);
  });

  it('lets reviewers export other statuses but refuses editors', async () => {
    await claimOn('40,000 vehicles a day');
    const pending = await claimOn('35 percent', { status: 'in_review' });
    expect(
      (await asyncErrorOf(() => exportClaims({ actor: actors.editor, input: { format: 'json', status: 'in_review' }, origin: ORIGIN }))).code,
    ).toBe('forbidden');
    expect((await asyncErrorOf(() => countExportable({ actor: actors.editor, input: { status: 'all' } }))).code).toBe('forbidden');
    expect((JSON.parse(await run({ format: 'json', status: 'in_review' }, actors.reviewer)) as { id: number }[]).map((c) => c.id)).toEqual([
      pending.id,
    ]);
    expect(await countExportable({ actor: actors.admin, input: { status: 'all' } })).toBe(2);
  });

  it.each([
    [{ format: 'xml' }, 'format'],
    [{ format: 'csv', from: '2025-13-40' }, 'from'],
    [{ format: 'csv', from: '2025-02-01', to: '2025-01-01' }, 'from'],
    [{ format: 'csv', article: '999' }, 'article'],
    [{ format: 'csv', article: 'abc' }, 'article'],
    [{ format: 'csv', verdict: '999' }, 'verdict'],
    [{ format: 'csv', status: 'published' }, 'status'],
    [{ format: 'csv', sort: 'id' }, 'sort'],
  ] as [Record<string, string>, string][])('refuses %j as invalid, naming the %s field', async (input, field) => {
    const error = await asyncErrorOf(() => exportClaims({ actor: actors.admin, input, origin: ORIGIN }));
    expect(error.code).toBe('invalid');
    expect(Object.keys(error.fields ?? {})).toContain(field);
  });

  it('produces ClaimReview items that pass the schema, using the organisation settings', async () => {
    await claimOn('40,000 vehicles a day');
    await claimOn('28,000 vehicles');
    await getDb()
      .insert(settings)
      .values([
        { key: 'org_name', value: 'Harbor Checks' },
        { key: 'org_url', value: 'https://checks.example' },
      ]);
    const items = JSON.parse(await run({ format: 'claimreview' })) as {
      author: unknown;
      reviewRating: { bestRating: number; worstRating: number };
    }[];
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(claimReviewSchema);
    expect(items).toHaveLength(2);
    for (const item of items) expect(validate(item), JSON.stringify(validate.errors)).toBe(true);
    expect(items[0].author).toEqual({ '@type': 'Organization', name: 'Harbor Checks', url: 'https://checks.example' });
    expect(items[0].reviewRating).toMatchObject({ bestRating: 6, worstRating: 1 });
  });

  it('defaults the ClaimReview author to the newsroom name and the app URL', async () => {
    await claimOn('40,000 vehicles a day');
    const [item] = JSON.parse(await run({ format: 'claimreview' })) as { author: unknown }[];
    expect(item.author).toEqual({ '@type': 'Organization', name: 'Claimdesk newsroom', url: ORIGIN });
  });

  it('produces Web Annotations that pass the schema and whose selectors find the quote in the article text', async () => {
    await claimOn('40,000 vehicles a day');
    await claimOn('“This bridge has been patched for twenty years');
    const { text } = await getArticle({ actor: actors.editor, id: 1 });
    const items = JSON.parse(await run({ format: 'webannotation', article: '1' })) as {
      target: { selector: [{ exact: string; prefix: string; suffix: string }, { start: number; end: number }] };
    }[];
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(webAnnotationSchema);
    for (const item of items) {
      expect(validate(item), JSON.stringify(validate.errors)).toBe(true);
      const [quote, position] = item.target.selector;
      expect(text.slice(position.start, position.end)).toBe(quote.exact);
      expect(text.indexOf(quote.prefix + quote.exact + quote.suffix) + quote.prefix.length).toBe(position.start);
    }
    expect(items).toHaveLength(2);
  });

  it('writes JSON Lines with one claim per line', async () => {
    await claimOn('40,000 vehicles a day');
    await claimOn('28,000 vehicles');
    const lines = (await run({ format: 'jsonl' })).trimEnd().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { sources: unknown[] }).sources.length)).toEqual([1, 1]);
  });

  it('streams from its own read-only snapshot, so the app can keep writing while a cursor is open', async () => {
    const a = await claimOn('40,000 vehicles a day');
    const b = await claimOn('28,000 vehicles');
    const reader = await openExportReader();
    try {
      const rows = streamClaims(reader, { statuses: ['verified'] });
      expect((await rows.next()).value?.id).toBe(a.id);
      // The cursor is still open here; on the shared app connection better-sqlite3 would throw "connection is busy".
      const c = await claimOn('900 workers');
      expect(c.status).toBe('verified');
      // The reader keeps the snapshot it started with.
      expect((await collect(rows)).map((r) => r.id)).toEqual([b.id]);
    } finally {
      await reader.close();
    }
    expect((await run({ format: 'jsonl' })).trimEnd().split('\n')).toHaveLength(3);
  });

  it('lets go of its snapshot when the download is cancelled', async () => {
    await copies((await claimOn('40,000 vehicles a day')).id, 300);
    const stream = toReadableStream((await exportClaims({ actor: actors.editor, input: { format: 'json' }, origin: ORIGIN })).chunks);
    const download = stream.getReader();
    // The first of several chunks: the export is under way (the stream has pulled at most one more).
    expect((await download.read()).done).toBe(false);
    await claimOn('28,000 vehicles'); // a write the export's snapshot does not see
    expect(await snapshotsHeld()).toBe(true);
    await download.cancel();
    expect(await snapshotsHeld()).toBe(false);
  });

  it('splits a large export into bounded chunks that still join into valid JSON', async () => {
    const first = await claimOn('40,000 vehicles a day');
    await copies(first.id, 400);
    const chunks = await collect((await exportClaims({ actor: actors.editor, input: { format: 'json' }, origin: ORIGIN })).chunks);
    expect(chunks.length).toBeGreaterThan(2);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(70 * 1024);
    expect((JSON.parse(chunks.join('')) as unknown[]).length).toBe(401);
  });
});
