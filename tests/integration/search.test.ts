import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from './setup-db';
import { getDb } from '@/db/client';
import { getArticle } from '@/lib/articles/get-article';
import { createClaim } from '@/lib/claims/create-claim';
import { updateClaim } from '@/lib/claims/update-claim';
import { deleteClaim } from '@/lib/claims/delete-claim';
import { listClaims } from '@/lib/claims/list-claims';
import { attachSource } from '@/lib/sources/attach-source';
import { searchClaims } from '@/lib/search/search-claims';
import { searchEverything } from '@/lib/search/search-everything';
import { HIT_CLOSE, HIT_OPEN, splitHits, stripHits } from '@/lib/search/markers';
import type { Actor } from '@/lib/auth/permissions';

let actors: Awaited<ReturnType<typeof freshDb>>['actors'];

beforeEach(async () => {
  ({ actors } = await freshDb());
});

function claimOn(actor: Actor, phrase: string, extra: Record<string, string> = {}) {
  const text = getArticle({ actor, id: 1 }).text;
  const start = text.indexOf(phrase);
  return createClaim({ actor, input: { articleId: 1, start, end: start + phrase.length, type: 'statistic', ...extra } });
}

const ids = (q: string) => searchClaims({ actor: actors.editor, input: { q } }).map((h) => h.id);

describe('searchClaims', () => {
  it('finds claims by words in claim text, rationale, claimant and article title', () => {
    const bridge = claimOn(actors.editor, '40,000 vehicles a day', { claimant: 'Ingrid Valmont' });
    updateClaim({ actor: actors.editor, id: bridge.id, input: { version: bridge.version, rationale: 'Traffic model from the consultancy.' } });
    expect(ids('vehicles')).toEqual([bridge.id]);
    expect(ids('consultancy')).toEqual([bridge.id]);
    expect(ids('Valmont')).toEqual([bridge.id]);
    expect(ids('harbor bridge')).toEqual([bridge.id]); // words of the article title
    expect(ids('consult')).toEqual([bridge.id]); // prefix match
    expect(ids('submarine')).toEqual([]);
  });

  it('ranks a match in the claim text above a match only in the rationale (bm25 with column weights)', () => {
    const inRationale = claimOn(actors.editor, '1968');
    updateClaim({ actor: actors.editor, id: inRationale.id, input: { version: inRationale.version, rationale: 'Workers records from the archive.' } });
    const inText = claimOn(actors.editor, 'up to 900 workers at its peak');
    expect(ids('workers')).toEqual([inText.id, inRationale.id]);
  });

  it('marks matched words with markers, never HTML, even when the text contains markup', () => {
    const c = claimOn(actors.editor, '40,000 vehicles a day', { claimText: '<b>40,000</b> vehicles <script>x</script>' });
    const [hit] = searchClaims({ actor: actors.editor, input: { q: 'vehicles' } });
    expect(hit.id).toBe(c.id);
    expect(hit.claimText).toBe(`<b>40,000</b> ${HIT_OPEN}vehicles${HIT_CLOSE} <script>x</script>`);
    expect(splitHits(hit.claimText)).toEqual([
      { text: '<b>40,000</b> ', hit: false },
      { text: 'vehicles', hit: true },
      { text: ' <script>x</script>', hit: false },
    ]);
    expect(stripHits(hit.articleTitle)).toBe(getArticle({ actor: actors.editor, id: 1 }).title);
  });

  it('treats FTS syntax in the query as plain words', () => {
    claimOn(actors.editor, '40,000 vehicles a day');
    expect(ids('vehicles OR NEAR( "')).toEqual([]);
    expect(() => ids('"unbalanced * ( quote')).not.toThrow();
    expect(ids('***')).toEqual([]);
  });

  it('stays in sync after edits and deletes', () => {
    const c = claimOn(actors.editor, '40,000 vehicles a day', { claimText: 'Bridge traffic forecast' });
    expect(ids('forecast')).toEqual([c.id]);
    const edited = updateClaim({ actor: actors.editor, id: c.id, input: { version: c.version, claimText: 'Forty thousand cars daily', claimant: 'Port authority' } });
    expect(ids('forecast')).toEqual([]);
    expect(ids('thousand')).toEqual([edited.id]);
    expect(ids('authority')).toEqual([edited.id]);
    getDb().$client.prepare('update articles set title = ? where id = 1').run('Kestrel crossing story');
    expect(ids('Kestrel crossing')).toEqual([edited.id]);
    deleteClaim({ actor: actors.editor, id: c.id });
    expect(ids('thousand')).toEqual([]);
    expect(getDb().$client.prepare('select count(*) n from claims_fts').get()).toEqual({ n: 0 });
  });

  it('is also the q filter of listClaims', () => {
    claimOn(actors.editor, '40,000 vehicles a day');
    const c = claimOn(actors.editor, '1968');
    expect(listClaims({ actor: actors.editor, input: { q: '1968' } }).items.map((i) => i.id)).toEqual([c.id]);
    expect(listClaims({ actor: actors.editor, input: { q: '!!!' } }).items).toEqual([]);
  });
});

describe('searchEverything', () => {
  it('finds sources by title or URL beside the claims', () => {
    const c = claimOn(actors.editor, '40,000 vehicles a day');
    attachSource({ actor: actors.editor, claimId: c.id, input: { url: 'https://ministry.example.gov/traffic-report', title: 'Traffic census 2025', relation: 'supports' } });
    expect(searchEverything({ actor: actors.editor, q: 'census' }).sources.map((s) => s.title)).toEqual(['Traffic census 2025']);
    expect(searchEverything({ actor: actors.editor, q: 'ministry.example' }).sources).toHaveLength(1);
    expect(searchEverything({ actor: actors.editor, q: '   ' })).toEqual({ claims: [], articles: [], sources: [] });
  });
});

describe('numbers in search', () => {
  const boardIds = (q: string) => listClaims({ actor: actors.editor, input: { q } }).items.map((i) => i.id);
  const both = (q: string) => ({ search: ids(q), board: boardIds(q) });

  it('finds 8,000 by 8000 and 8000 by 8,000, on the search box and the board filter alike', () => {
    const grouped = claimOn(actors.editor, '40,000 vehicles a day', { claimText: 'About 8,000 troops at the border' });
    const plain = claimOn(actors.editor, '1968', { claimText: 'A further 8000 reservists' });
    const other = claimOn(actors.editor, 'up to 900 workers at its peak', { claimText: '800 trucks and 18000 shells' });
    for (const q of ['8000', '8,000', '8.000']) {
      expect(both(q).search.sort()).toEqual([grouped.id, plain.id].sort());
      expect(both(q).board.sort()).toEqual([grouped.id, plain.id].sort());
    }
    expect(ids('8,000 troops')).toEqual([grouped.id]);
    expect(ids('800')).not.toContain(grouped.id);
    expect(ids('800')).toContain(other.id);
  });

  it('finds 50% by "50 percent", "50 per cent" and "fifty percent", but not a bare 50', () => {
    const percent = claimOn(actors.editor, '40,000 vehicles a day', { claimText: 'Spending will rise by 50% next year' });
    const perCent = claimOn(actors.editor, '1968', { claimText: 'Turnout fell 50 per cent' });
    const tanks = claimOn(actors.editor, 'up to 900 workers at its peak', { claimText: '50 tanks crossed' });
    for (const q of ['50 percent', '50%', '50 per cent', 'fifty percent', 'Fifty per cent']) {
      expect(both(q).search.sort(), q).toEqual([percent.id, perCent.id].sort());
      expect(both(q).board.sort(), q).toEqual([percent.id, perCent.id].sort());
    }
    expect(ids('50').sort()).toEqual([percent.id, perCent.id, tanks.id].sort());
  });

  it('finds $1.3bn by "1.3 billion" and the other way round', () => {
    const short = claimOn(actors.editor, '40,000 vehicles a day', { claimText: 'A $1.3bn plan' });
    const long = claimOn(actors.editor, '1968', { claimText: 'It costs 1.3 billion euros' });
    claimOn(actors.editor, 'up to 900 workers at its peak', { claimText: '1.3 million visitors' });
    expect(ids('1.3 billion').sort()).toEqual([short.id, long.id].sort());
    expect(ids('$1.3bn').sort()).toEqual([short.id, long.id].sort());
    expect(boardIds('1.3bn').sort()).toEqual([short.id, long.id].sort());
  });

  it('keeps hostile query syntax plain around numbers', () => {
    claimOn(actors.editor, '40,000 vehicles a day', { claimText: 'About 8,000 troops' });
    for (const q of ['8000" OR "x', '50% NEAR(troops)', '"8,000*', '1.3bn) OR (', '%%%', 'per cent']) {
      expect(() => ids(q), q).not.toThrow();
      expect(() => boardIds(q), q).not.toThrow();
    }
    expect(ids('8000" OR "x')).toEqual([]);
  });
});

describe('article titles in search', () => {
  it('finds articles by title words, even without claims, latest version only', () => {
    const title = getArticle({ actor: actors.editor, id: 1 }).title;
    const word = title.split(/\s+/).find((w) => w.length > 4)!;
    const found = searchEverything({ actor: actors.editor, q: word.toUpperCase() }).articles.map((a) => a.id);
    expect(found).toContain(1);
    expect(searchEverything({ actor: actors.editor, q: 'zeppelin' }).articles).toEqual([]);
    const troops = getDb().$client.prepare("select id from articles where title like '%12,000 troops%'").get() as { id: number };
    expect(searchEverything({ actor: actors.editor, q: '12000 troops' }).articles.map((a) => a.id)).toEqual([troops.id]);
    expect(searchEverything({ actor: actors.editor, q: '12,000' }).articles.map((a) => a.id)).toEqual([troops.id]);
    expect(searchEverything({ actor: actors.editor, q: '%_%' }).articles).toEqual([]);
  });
});
