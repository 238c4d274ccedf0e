import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { asc } from 'drizzle-orm';
import { closeDb, getDb, migrateDb } from '@/db/client';
import { users, verdictScale } from '@/db/schema';
import { seed } from '@/lib/seed/seed';
import { convertArticle } from '@/lib/articles/convert';
import { describeRange } from '@/lib/anchoring/quote';
import { newsParagraphs, pick, rng } from './text';

const STATUSES = ['draft', 'in_review', 'needs_changes', 'verified', 'rejected'] as const;
const STATUS_WEIGHTS = [15, 20, 10, 45, 10];
const TYPES = ['statistic', 'quote', 'event', 'prediction', 'other'] as const;
const TYPE_WEIGHTS = [35, 25, 20, 10, 10];
const DAY = 86_400_000;
/** A fixed "now" so two runs seed byte-identical data. */
const EPOCH = Date.UTC(2026, 0, 1);

export type SeedSpec = {
  /** Number of articles; claims are spread evenly over them. */
  articles: number;
  claims: number;
  /** Words per article (claims sit on distinct sentences, so articles need enough of them). */
  words: number;
  /** Every claim gets this status instead of the usual mix (e.g. 'verified' for exports). */
  status?: (typeof STATUSES)[number];
  seed?: number;
  /** Keep the seeded file in bench/cache/ and copy it on later runs (the 1M-claim set takes minutes to seed). */
  cache?: boolean;
};

export type SeedResult = { file: string; seedMs: number; articleIds: number[]; claims: number; textChars: number };

// The app's client is one per process (DATABASE_URL): seeds of different files take turns (board-filter seeds two at once).
let clientTurn: Promise<unknown> = Promise.resolve();

/** Applies the real migrations and the demo seed to the SQLite `file` through the app's client; returns what the bulk insert reuses. */
function migrateAndSeed(file: string): Promise<{ hash: string; verdicts: number[] }> {
  const run = clientTurn.then(() => migrateAndSeedNow(file));
  clientTurn = run.catch(() => undefined);
  return run;
}

async function migrateAndSeedNow(file: string): Promise<{ hash: string; verdicts: number[] }> {
  const previous = process.env.DATABASE_URL;
  await closeDb();
  process.env.DATABASE_URL = file;
  try {
    await migrateDb();
    const db = getDb();
    await seed(db, { demo: true });
    const [user] = await db.select({ hash: users.passwordHash }).from(users).limit(1);
    const verdicts = await db.select({ id: verdictScale.id }).from(verdictScale).orderBy(asc(verdictScale.sort));
    return { hash: user.hash, verdicts: verdicts.map((v) => v.id) };
  } finally {
    await closeDb();
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
  }
}

/**
 * Creates the SQLite `file` with the real migrations and demo seed, then inserts generated, deterministic articles,
 * sources, claims (FTS triggers fire) and their review events with direct inserts in one transaction (SQLite only:
 * the raw better-sqlite3 connection is what makes 100k claims take seconds).
 */
export async function seedBenchDb(file: string, spec: SeedSpec): Promise<SeedResult> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const { hash, verdicts } = await migrateAndSeed(file);
  const started = performance.now();
  const sqlite = new Database(file);
  // A rollback journal in memory while seeding a throwaway file: a WAL would hold the whole 1M-claim transaction and
  // then copy it again at checkpoint (OFF is refused in defensive mode). WAL is set again below, before anyone else opens the file.
  sqlite.pragma('journal_mode = MEMORY');
  sqlite.pragma('synchronous = OFF');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // A big page cache for the bulk insert only: random-order index keys otherwise thrash the default 2 MB cache.
  sqlite.pragma('cache_size = -1048576');
  const rand = rng(spec.seed ?? 42);
  const insertUser = sqlite.prepare('insert into users (email, name, password_hash, role) values (?, ?, ?, ?)');
  const insertArticle = sqlite.prepare(
    'insert into articles (title, publisher, published_at, body_json, body_text, content_hash, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertSource = sqlite.prepare('insert into sources (url, title, publisher, created_by, created_at) values (?, ?, ?, ?, ?)');
  const insertClaim = sqlite.prepare(
    `insert into claims (article_id, start, "end", exact, prefix, suffix, type, claimant, claim_text, status, verdict_id, rationale,
       author_id, reviewer_id, created_at, updated_at, reviewed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertLink = sqlite.prepare('insert or ignore into claim_sources (claim_id, source_id, relation, excerpt) values (?, ?, ?, ?)');
  const insertEvent = sqlite.prepare(
    'insert into review_events (claim_id, actor_id, action, from_status, to_status, comment, created_at) values (?, ?, ?, ?, ?, ?, ?)',
  );
  const articleIds: number[] = [];
  let claimCount = 0;
  let textChars = 0;
  sqlite.transaction(() => {
    const authors = [1, 2, 3];
    for (let i = 0; i < 20; i++) {
      const role = i % 4 === 0 ? 'reviewer' : 'editor';
      authors.push(Number(insertUser.run(`bench${i}@example.com`, `Bench Writer ${i}`, hash, role).lastInsertRowid));
    }
    const reviewers = [2, 3, ...authors.filter((_, i) => i >= 3 && (i - 3) % 4 === 0)];
    const sourceCount = Math.max(10, Math.ceil(spec.claims / 50));
    for (let i = 0; i < sourceCount; i++) {
      insertSource.run(
        `https://stats.example.org/report/${i}`,
        `Official report ${i}`,
        pick(rand, ['Statistics Office', 'Ministry', 'Agency']),
        1,
        EPOCH - i * 60_000,
      );
    }
    const perArticle = Math.ceil(spec.claims / spec.articles);
    for (let a = 0; a < spec.articles; a++) {
      const paragraphs = newsParagraphs((spec.seed ?? 42) * 100_003 + a, spec.words);
      const converted = convertArticle({ format: 'text', content: paragraphs.map((p) => p.join(' ')).join('\n'), title: `Bench article ${a + 1}` });
      const createdAt = EPOCH - (spec.articles - a) * 3_600_000;
      const articleId = Number(
        insertArticle.run(
          converted.title,
          'Bench Gazette',
          '2025-12-01',
          JSON.stringify(converted.doc),
          converted.text,
          crypto.createHash('sha256').update(converted.text).digest('hex'),
          1,
          createdAt,
        ).lastInsertRowid,
      );
      articleIds.push(articleId);
      textChars += converted.text.length;
      // Claims cover the first words of distinct sentences, so they never overlap and stay inside one paragraph.
      const spans: [number, number][] = [];
      let from = 0;
      for (const s of paragraphs.flat()) {
        const at = converted.text.indexOf(s, from);
        if (at < 0) continue;
        from = at + s.length;
        const cut = s.split(' ').slice(0, 8).join(' ');
        spans.push([at, at + cut.length]);
      }
      const n = Math.min(perArticle, spec.claims - claimCount, spans.length);
      for (let c = 0; c < n; c++) {
        const [start, end] = spans[Math.floor((c * spans.length) / n)];
        const anchor = describeRange(converted.text, start, end);
        const status = spec.status ?? pick(rand, STATUSES, STATUS_WEIGHTS);
        const author = pick(rand, authors);
        const created = EPOCH - Math.floor(rand() * 365 * DAY);
        const updated = created + Math.floor(rand() * 20 * DAY);
        const reviewed = status === 'verified' || status === 'rejected' ? updated : null;
        const reviewer =
          status === 'draft' ? null : pick(rand, reviewers.filter((r) => r !== author).length ? reviewers.filter((r) => r !== author) : [3]);
        const verdict = status === 'draft' ? null : pick(rand, verdicts);
        const claimId = Number(
          insertClaim.run(
            articleId,
            anchor.start,
            anchor.end,
            anchor.exact,
            anchor.prefix,
            anchor.suffix,
            pick(rand, TYPES, TYPE_WEIGHTS),
            pick(rand, ['Anna Kovacs', 'Luis Ortega', 'Priya Raman', '']),
            anchor.exact,
            status,
            verdict,
            status === 'draft' ? '' : `Checked against official report ${claimCount % sourceCount}.`,
            author,
            reviewer,
            created,
            updated,
            reviewed,
          ).lastInsertRowid,
        );
        insertEvent.run(claimId, author, 'created', null, 'draft', '', created);
        if (status !== 'draft') {
          insertLink.run(claimId, 1 + (claimCount % sourceCount), 'supports', '');
          insertLink.run(claimId, 1 + ((claimCount * 7) % sourceCount), 'context', '');
          insertEvent.run(claimId, author, 'submitted', 'draft', 'in_review', '', created + 1000);
          const action = { verified: 'approved', rejected: 'rejected', needs_changes: 'changes_requested' }[status as string];
          if (action) insertEvent.run(claimId, reviewer, action, 'in_review', status, action === 'approved' ? '' : 'Needs a better source.', updated);
        }
        claimCount++;
      }
    }
  })();
  const seedMs = performance.now() - started;
  sqlite.pragma('journal_mode = WAL');
  sqlite.close();
  return { file, seedMs, articleIds, claims: claimCount, textChars };
}

/** Bump when seed.ts or text.ts change the generated data: cached files are keyed by it and the spec. */
const SEED_VERSION = 1;
const CACHE_DIR = path.resolve(__dirname, '../cache');

function cacheKey(spec: SeedSpec): string {
  return crypto
    .createHash('sha256')
    .update(`${SEED_VERSION} ${JSON.stringify(spec)}`)
    .digest('hex')
    .slice(0, 12);
}

/** Applies migrations added since the file was seeded, through the app's client (as `npm start` would). */
function migrateFile(file: string): Promise<void> {
  const run = clientTurn.then(async () => {
    const previous = process.env.DATABASE_URL;
    await closeDb();
    process.env.DATABASE_URL = file;
    try {
      await migrateDb();
    } finally {
      await closeDb();
      if (previous === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = previous;
    }
  });
  clientTurn = run.catch(() => undefined);
  return run;
}

/**
 * seedBenchDb through bench/cache/ (git-ignored): seeds once per key, brings the cached file up to the current
 * migrations, then copies it to `file` (the copy is written to, the cache only migrated). Old entries are deleted.
 */
export async function cachedSeed(name: string, spec: SeedSpec, file: string): Promise<SeedResult & { cached: boolean; migrateMs: number }> {
  const base = path.join(CACHE_DIR, `${name}-v${SEED_VERSION}-${cacheKey(spec)}`);
  let cached = true;
  if (!fs.existsSync(`${base}.json`)) {
    cached = false;
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    for (const old of fs.readdirSync(CACHE_DIR)) if (old.startsWith(`${name}-`)) fs.rmSync(path.join(CACHE_DIR, old), { force: true });
    const result = await seedBenchDb(`${base}.db`, spec);
    // Written last: a run interrupted while seeding leaves no JSON, so the next run seeds again.
    fs.writeFileSync(`${base}.json`, JSON.stringify(result));
  }
  const result = JSON.parse(fs.readFileSync(`${base}.json`, 'utf8')) as SeedResult;
  const started = performance.now();
  await migrateFile(`${base}.db`);
  const migrateMs = performance.now() - started;
  fs.copyFileSync(`${base}.db`, file, fs.constants.COPYFILE_FICLONE);
  return { ...result, file, seedMs: cached ? performance.now() - started : result.seedMs, cached, migrateMs: Math.round(migrateMs) };
}
