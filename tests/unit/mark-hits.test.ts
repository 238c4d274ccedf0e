import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ftsQuery, searchTerms } from '@/lib/search/fts-query';
import { highlightHits, snippetHits } from '@/lib/search/mark-hits';
import { HIT_CLOSE, HIT_OPEN } from '@/lib/search/markers';

const TEXTS = [
  '<b>40,000</b> vehicles <script>x</script>',
  'The bridge carries 40,000 vehicles a day. The ministry said: traffic will double by 2030, and 8,000 more trucks will cross it every week, the port says.',
  'Spending will rise by 50% next year, while turnout fell 50 per cent and 50 tanks crossed. A $1.3bn plan costs 1.3 billion euros.',
  'Café owners in Zürich said the café tax rose. Vehicles, vehicle and VEHICLES.',
  'One two three four five six seven eight nine ten eleven twelve. Thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty bridge twenty-one.',
  '  leading space and trailing punctuation...  ',
  `Budget talks resumed. ${'word '.repeat(20)}the budget for schools rose: ${'filler '.repeat(20)}schools closed, budget cut.`,
  '',
];
const QUERIES = [
  'budget schools',
  'schools',
  'vehicles',
  'vehicle',
  'bridge',
  '8000',
  '8,000 trucks',
  '50 percent',
  '1.3 billion',
  'cafe zurich',
  'ministry 2030',
  'twenty',
  'space punctuation',
  'nothing',
];

/** SQLite's own snippet() and highlight() over the same tokenizer as claims_fts, as the reference. */
function reference(text: string, q: string) {
  const db = new Database(':memory:');
  db.exec(`create virtual table t using fts5(body, tokenize = "unicode61 remove_diacritics 2 tokenchars '%'")`);
  db.prepare('insert into t(rowid, body) values (1, ?)').run(text);
  const row = db
    .prepare(`select highlight(t, 0, ?, ?) as h, snippet(t, 0, ?, ?, '…', 12) as s from t where t match ?`)
    .get(HIT_OPEN, HIT_CLOSE, HIT_OPEN, HIT_CLOSE, ftsQuery(q)) as { h: string; s: string } | undefined;
  db.close();
  return row;
}

describe('highlightHits and snippetHits (PostgreSQL) mark what FTS5 marks', () => {
  it('gives the same text and markers as highlight() and snippet() for every text and query that match', () => {
    let compared = 0;
    for (const text of TEXTS) {
      for (const q of QUERIES) {
        const expected = reference(text, q);
        if (!expected) continue; // FTS5 returns no row for a text the query does not match
        expect(highlightHits(text, searchTerms(q)!), `${q} in ${text}`).toBe(expected.h);
        expect(snippetHits(text, searchTerms(q)!, 12), `${q} in ${text}`).toBe(expected.s);
        compared++;
      }
    }
    expect(compared).toBe(18);
  });

  it('marks every written form of a number and cuts long text around the hits', () => {
    const text = TEXTS[1];
    expect(snippetHits(text, searchTerms('8000')!, 12)).toBe(
      `…traffic will double by 2030, and ${HIT_OPEN}8,000${HIT_CLOSE} more trucks will cross…`,
    );
    expect(highlightHits(TEXTS[2], searchTerms('50%')!)).toContain(
      `by ${HIT_OPEN}50%${HIT_CLOSE} next year, while turnout fell ${HIT_OPEN}50 per cent${HIT_CLOSE} and 50 tanks`,
    );
  });

  it('marks nothing and keeps the start of the text when a column has no match', () => {
    expect(highlightHits('No match here', searchTerms('bridge')!)).toBe('No match here');
    expect(snippetHits('a b c d e f', searchTerms('bridge')!, 3)).toBe('a b c…');
  });
});
