import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from './setup-db';
import { sql, type SQL } from 'drizzle-orm';
import { claims } from '@/db/schema';
import { dbEngine, execute, getDb, queryRows } from '@/db/client';
import { getArticle } from '@/lib/articles/get-article';
import { createClaim } from '@/lib/claims/create-claim';
import { updateClaim } from '@/lib/claims/update-claim';
import { deleteClaim } from '@/lib/claims/delete-claim';
import { listClaims } from '@/lib/claims/list-claims';
import { attachSource } from '@/lib/sources/attach-source';
import { RANKED, searchClaims } from '@/lib/search/search-claims';
import { claimTextProbe } from '@/lib/search/claim-text-filter';
import { searchEverything } from '@/lib/search/search-everything';
import { HIT_CLOSE, HIT_OPEN, splitHits, stripHits } from '@/lib/search/markers';
import type { Actor } from '@/lib/auth/permissions';

let actors: Awaited<ReturnType<typeof freshDb>>['actors'];

beforeEach(async () => {
  ({ actors } = await freshDb());
});

async function claimOn(actor: Actor, phrase: string, extra: Record<string, string> = {}) {
  const text = (await getArticle({ actor, id: 1 })).text;
  const start = text.indexOf(phrase);
  return await createClaim({ actor, input: { articleId: 1, start, end: start + phrase.length, type: 'statistic', ...extra } });
}

const ids = async (q: string) => (await searchClaims({ actor: actors.editor, input: { q } })).map((h) => h.id);

/** Claims in the full-text index: rows of claims_fts on SQLite, claims with a search vector on PostgreSQL. */
async function indexed(): Promise<number> {
  const count =
    dbEngine() === 'postgres'
      ? sql`select cast(count(*) as integer) as n from claims where search is not null and search != ''::tsvector`
      : sql`select count(*) as n from claims_fts`;
  return (await queryRows<{ n: number }>(getDb(), count))[0].n;
}

describe('searchClaims', () => {
  it('finds claims by words in claim text, rationale, claimant and article title', async () => {
    const bridge = await claimOn(actors.editor, '40,000 vehicles a day', { claimant: 'Ingrid Valmont' });
    await updateClaim({ actor: actors.editor, id: bridge.id, input: { version: bridge.version, rationale: 'Traffic model from the consultancy.' } });
    expect(await ids('vehicles')).toEqual([bridge.id]);
    expect(await ids('consultancy')).toEqual([bridge.id]);
    expect(await ids('Valmont')).toEqual([bridge.id]);
    expect(await ids('harbor bridge')).toEqual([bridge.id]); // words of the article title
    expect(await ids('consult')).toEqual([bridge.id]); // prefix match
    expect(await ids('submarine')).toEqual([]);
  });

  it('ranks a match in the claim text above a match only in the rationale (bm25 with column weights)', async () => {
    const inRationale = await claimOn(actors.editor, '1968');
    await updateClaim({
      actor: actors.editor,
      id: inRationale.id,
      input: { version: inRationale.version, rationale: 'Workers records from the archive.' },
    });
    const inText = await claimOn(actors.editor, 'up to 900 workers at its peak');
    expect(await ids('workers')).toEqual([inText.id, inRationale.id]);
  });

  it('marks matched words with markers, never HTML, even when the text contains markup', async () => {
    const c = await claimOn(actors.editor, '40,000 vehicles a day', { claimText: '<b>40,000</b> vehicles <script>x</script>' });
    const [hit] = await searchClaims({ actor: actors.editor, input: { q: 'vehicles' } });
    expect(hit.id).toBe(c.id);
    expect(hit.claimText).toBe(`<b>40,000</b> ${HIT_OPEN}vehicles${HIT_CLOSE} <script>x</script>`);
    expect(splitHits(hit.claimText)).toEqual([
      { text: '<b>40,000</b> ', hit: false },
      { text: 'vehicles', hit: true },
      { text: ' <script>x</script>', hit: false },
    ]);
    expect(stripHits(hit.articleTitle)).toBe((await getArticle({ actor: actors.editor, id: 1 })).title);
  });

  it('treats FTS syntax in the query as plain words', async () => {
    await claimOn(actors.editor, '40,000 vehicles a day');
    expect(await ids('vehicles OR NEAR( "')).toEqual([]);
    await expect(ids('"unbalanced * ( quote')).resolves.toEqual([]);
    expect(await ids('***')).toEqual([]);
  });

  it('stays in sync after edits and deletes', async () => {
    const c = await claimOn(actors.editor, '40,000 vehicles a day', { claimText: 'Bridge traffic forecast' });
    expect(await ids('forecast')).toEqual([c.id]);
    expect(await indexed()).toBe(1);
    const edited = await updateClaim({
      actor: actors.editor,
      id: c.id,
      input: { version: c.version, claimText: 'Forty thousand cars daily', claimant: 'Port authority' },
    });
    expect(await ids('forecast')).toEqual([]);
    expect(await ids('thousand')).toEqual([edited.id]);
    expect(await ids('authority')).toEqual([edited.id]);
    await execute(getDb(), sql`update articles set title = ${'Kestrel crossing story'} where id = 1`);
    expect(await ids('Kestrel crossing')).toEqual([edited.id]);
    await deleteClaim({ actor: actors.editor, id: c.id });
    expect(await ids('thousand')).toEqual([]);
    expect(await indexed()).toBe(0);
  });

  it('is also the q filter of listClaims', async () => {
    await claimOn(actors.editor, '40,000 vehicles a day');
    const c = await claimOn(actors.editor, '1968');
    expect((await listClaims({ actor: actors.editor, input: { q: '1968' } })).items.map((i) => i.id)).toEqual([c.id]);
    expect((await listClaims({ actor: actors.editor, input: { q: '!!!' } })).items).toEqual([]);
  });
});

describe('searchEverything', () => {
  it('finds sources by title or URL beside the claims', async () => {
    const c = await claimOn(actors.editor, '40,000 vehicles a day');
    await attachSource({
      actor: actors.editor,
      claimId: c.id,
      input: { url: 'https://ministry.example.gov/traffic-report', title: 'Traffic census 2025', relation: 'supports' },
    });
    expect((await searchEverything({ actor: actors.editor, q: 'census' })).sources.map((s) => s.title)).toEqual(['Traffic census 2025']);
    expect((await searchEverything({ actor: actors.editor, q: 'ministry.example' })).sources).toHaveLength(1);
    expect(await searchEverything({ actor: actors.editor, q: '   ' })).toEqual({ claims: [], articles: [], sources: [] });
  });
});

describe('numbers in search', () => {
  const boardIds = async (q: string) => (await listClaims({ actor: actors.editor, input: { q } })).items.map((i) => i.id);
  const both = async (q: string) => ({ search: await ids(q), board: await boardIds(q) });

  it('finds 8,000 by 8000 and 8000 by 8,000, on the search box and the board filter alike', async () => {
    const grouped = await claimOn(actors.editor, '40,000 vehicles a day', { claimText: 'About 8,000 troops at the border' });
    const plain = await claimOn(actors.editor, '1968', { claimText: 'A further 8000 reservists' });
    const other = await claimOn(actors.editor, 'up to 900 workers at its peak', { claimText: '800 trucks and 18000 shells' });
    for (const q of ['8000', '8,000', '8.000']) {
      const found = await both(q);
      expect(found.search.sort(), q).toEqual([grouped.id, plain.id].sort());
      expect(found.board.sort(), q).toEqual([grouped.id, plain.id].sort());
    }
    expect(await ids('8,000 troops')).toEqual([grouped.id]);
    expect(await ids('800')).not.toContain(grouped.id);
    expect(await ids('800')).toContain(other.id);
  });

  it('finds 50% by "50 percent", "50 per cent" and "fifty percent", but not a bare 50', async () => {
    const percent = await claimOn(actors.editor, '40,000 vehicles a day', { claimText: 'Spending will rise by 50% next year' });
    const perCent = await claimOn(actors.editor, '1968', { claimText: 'Turnout fell 50 per cent' });
    const tanks = await claimOn(actors.editor, 'up to 900 workers at its peak', { claimText: '50 tanks crossed' });
    for (const q of ['50 percent', '50%', '50 per cent', 'fifty percent', 'Fifty per cent']) {
      const found = await both(q);
      expect(found.search.sort(), q).toEqual([percent.id, perCent.id].sort());
      expect(found.board.sort(), q).toEqual([percent.id, perCent.id].sort());
    }
    expect((await ids('50')).sort()).toEqual([percent.id, perCent.id, tanks.id].sort());
  });

  it('finds $1.3bn by "1.3 billion" and the other way round', async () => {
    const short = await claimOn(actors.editor, '40,000 vehicles a day', { claimText: 'A $1.3bn plan' });
    const long = await claimOn(actors.editor, '1968', { claimText: 'It costs 1.3 billion euros' });
    await claimOn(actors.editor, 'up to 900 workers at its peak', { claimText: '1.3 million visitors' });
    expect((await ids('1.3 billion')).sort()).toEqual([short.id, long.id].sort());
    expect((await ids('$1.3bn')).sort()).toEqual([short.id, long.id].sort());
    expect((await boardIds('1.3bn')).sort()).toEqual([short.id, long.id].sort());
  });

  it('keeps hostile query syntax plain around numbers', async () => {
    await claimOn(actors.editor, '40,000 vehicles a day', { claimText: 'About 8,000 troops' });
    for (const q of ['8000" OR "x', '50% NEAR(troops)', '"8,000*', '1.3bn) OR (', '%%%', 'per cent']) {
      await expect(ids(q), q).resolves.toBeInstanceOf(Array);
      await expect(boardIds(q), q).resolves.toBeInstanceOf(Array);
    }
    expect(await ids('8000" OR "x')).toEqual([]);
  });
});

describe('article titles in search', () => {
  it('finds articles by title words, even without claims, latest version only', async () => {
    const title = (await getArticle({ actor: actors.editor, id: 1 })).title;
    const word = title.split(/\s+/).find((w) => w.length > 4)!;
    const articleIds = async (q: string) => (await searchEverything({ actor: actors.editor, q })).articles.map((a) => a.id);
    expect(await articleIds(word.toUpperCase())).toContain(1);
    expect(await articleIds('zeppelin')).toEqual([]);
    const [troops] = await queryRows<{ id: number }>(getDb(), sql`select id from articles where title like '%12,000 troops%'`);
    expect(await articleIds('12000 troops')).toEqual([troops.id]);
    expect(await articleIds('12,000')).toEqual([troops.id]);
    expect(await articleIds('%_%')).toEqual([]);
  });
});

describe('searchClaims over more matches than it ranks', () => {
  it('ranks up to RANKED matches; with more, the newest come first, unranked (the documented trade-off)', async () => {
    const insert = (text: string, count: number) =>
      execute(
        getDb(),
        sql`
        with recursive n(i) as (select 1 union all select i + 1 from n where i < ${count})
        insert into claims (article_id, start, "end", exact, type, claim_text, author_id, created_at, updated_at)
        select 1, 0, 5, 'x', 'statistic', ${text}, ${actors.editor.id}, ${Date.now()}, ${Date.now()} from n`,
      );
    await insert('walrus walrus walrus', 1);
    const [{ best }] = await queryRows<{ best: number }>(getDb(), sql`select max(id) as best from claims`);
    await insert('a long sentence that mentions a walrus only once among many other words', RANKED - 1);
    const ranked = await searchClaims({ actor: actors.editor, input: { q: 'walrus' } });
    expect(ranked[0].id).toBe(best); // RANKED matches: still ranked, the best match first
    expect(ranked[1].rank).toBeGreaterThan(ranked[0].rank);
    await insert('a long sentence that mentions a walrus only once among many other words', 1);
    const hits = await searchClaims({ actor: actors.editor, input: { q: 'walrus' } });
    const [{ newest }] = await queryRows<{ newest: number }>(getDb(), sql`select max(id) as newest from claims`);
    expect(hits.map((h) => h.id)).toEqual(Array.from({ length: 30 }, (_, i) => newest - i));
    expect(hits.every((h) => h.rank === 0)).toBe(true);
  });
});

describe('listClaims q over common and rare words', () => {
  /** `count` claims straight in SQL; `text` and `updatedAt` are expressions of their number i (1, 2, ...). */
  const insertClaims = (count: number, text: SQL, updatedAt: SQL) =>
    execute(
      getDb(),
      sql`
      with recursive n(i) as (select 1 union all select i + 1 from n where i < ${count})
      insert into claims (article_id, start, "end", exact, type, claim_text, author_id, created_at, updated_at)
      select 1, 0, 5, 'x', 'statistic', ${text}, ${actors.editor.id}, ${Date.now()}, ${updatedAt} from n`,
    );

  it('pages the same claims whether it tests rows one by one (common words) or reads the match set (rare words)', async () => {
    // 300 claims, updated in an order unlike their ids; walrus in 19 of 20 (common), narwhal in three (rare).
    await insertClaims(
      300,
      sql`case when i % 20 != 0 then 'the walrus count rose' when i % 100 = 40 then 'a narwhal surfaced' else 'nothing here' end`,
      sql`cast(${Date.now()} as bigint) - (i * 7919 % 300) * 1000`,
    );
    // The plan is SQLite's choice (claimTextProbe); PostgreSQL's planner chooses for itself.
    expect((await claimTextProbe('walrus', 8)) !== null).toBe(dbEngine() === 'sqlite');
    // A rare word is read from its few matches (no unary plus: SQLite drives the page by the FTS id set).
    const rare = await claimTextProbe('narwhal', 8);
    if (dbEngine() === 'sqlite') expect(getDb().select().from(claims).where(rare!).toSQL().sql).toContain('where "claims"."id" in (select rowid');
    else expect(rare).toBeNull();
    const expected = async (word: string) =>
      (
        await queryRows<{ id: number }>(getDb(), sql`select id from claims where claim_text like ${`%${word}%`} order by updated_at desc, id desc`)
      ).map((r) => r.id);
    const paged = async (input: Record<string, string | number>) => {
      const out: number[] = [];
      let cursor: string | null = null;
      do {
        const page: Awaited<ReturnType<typeof listClaims>> = await listClaims({
          actor: actors.editor,
          input: { ...input, limit: 7, ...(cursor ? { cursor } : {}) },
        });
        out.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      return out;
    };
    expect(await paged({ q: 'walrus' })).toEqual(await expected('walrus'));
    expect(await expected('walrus')).toHaveLength(285);
    expect(await paged({ q: 'narwhal' })).toEqual(await expected('narwhal'));
    expect(await paged({ q: 'walrus', sort: 'updated_asc' })).toEqual((await expected('walrus')).reverse());
  });

  it('reads a word missing from the newest claims from its matches only when it is rare among the older ones too', async () => {
    // 300 older claims (walrus in 285, narwhal in 3), then 10,000 newer ones with neither: the newest sample has none.
    await insertClaims(
      10_300,
      sql`case when i > 300 or i % 20 = 0 then 'nothing here' when i % 100 = 41 then 'a narwhal surfaced' else 'the walrus count rose' end`,
      sql`cast(${Date.now()} as bigint) + i`,
    );
    // With 2 a page the break-even is sqrt(2 * 10,300) = 144 matches: walrus (285) is walked, narwhal (3) read.
    const walrus = await claimTextProbe('walrus', 2);
    const narwhal = await claimTextProbe('narwhal', 2);
    expect(walrus).toBeNull();
    if (dbEngine() === 'sqlite') expect(getDb().select().from(claims).where(narwhal!).toSQL().sql).toContain('where "claims"."id" in (select rowid');
    else expect(narwhal).toBeNull();
    const [{ n }] = await queryRows<{ n: number }>(getDb(), sql`select count(*) as n from claims where claim_text like '%narwhal%'`);
    expect(Number(n)).toBe(3);
    const page = await listClaims({ actor: actors.editor, input: { q: 'walrus', limit: 2 } });
    const newest = await queryRows<{ id: number }>(
      getDb(),
      sql`select id from claims where claim_text like '%walrus%' order by updated_at desc, id desc limit 2`,
    );
    expect(page.items.map((c) => c.id)).toEqual(newest.map((r) => r.id));
  });
});
