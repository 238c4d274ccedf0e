/**
 * Free text -> full-text query, for SQLite's FTS5 (ftsQuery) and PostgreSQL's tsquery (tsQuery). Numbers are
 * normalised here, on the query side only: both indexes split words the same way (unicode61 with '%' as a token
 * character on SQLite, claimdesk_search_words in db/migrations-pg/0002_search.sql on PostgreSQL), so "8,000",
 * "8.000" and "8 000" are all the tokens 8 000, and "50%" is the token 50%; the index needs no second, normalised
 * copy of the text, and the query asks for every written form of the number instead.
 */

const PERCENT = /^(?:%|per\s*cent|percent|pct)$/i;
// Scale words: spelled-out and abbreviated forms written apart ("1.3 bn") or attached ("1.3bn").
const SCALES: Record<string, { apart: string[]; attached: string[] }> = {
  thousand: { apart: ['thousand'], attached: ['k'] },
  million: { apart: ['million', 'mn'], attached: ['m', 'mn'] },
  billion: { apart: ['billion', 'bn'], attached: ['bn', 'b'] },
  trillion: { apart: ['trillion', 'tn'], attached: ['tn'] },
};
const SCALE_OF: Record<string, string> = { k: 'thousand', m: 'million', mn: 'million', b: 'billion', bn: 'billion', tn: 'trillion' };
for (const name of Object.keys(SCALES)) SCALE_OF[name] = name;

const WORD_NUMBERS: Record<string, number> = Object.fromEntries([
  ...'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'
    .split(' ')
    .map((w, i) => [w, i] as const),
  ...'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ').map((w, i) => [w, 20 + 10 * i] as const),
  ['hundred', 100] as const,
]);

// A number with its separators and an optional unit; or a number word followed by a unit; or any other word.
const TOKEN = new RegExp(
  [
    String.raw`(?<num>\p{N}+(?:[.,\u00a0\u202f]\p{N}+)*)(?:(?<attached>%|k|m|mn|b|bn|tn)|\s*(?<unit>%|per\s*cent|percent|pct|thousand|million|billion|trillion|mn|bn|tn))?(?![\p{L}\p{N}])`,
    String.raw`(?<word>${Object.keys(WORD_NUMBERS).join('|')})\s+(?<wordUnit>per\s*cent|percent|pct|thousand|million|billion|trillion)(?![\p{L}\p{N}])`,
    String.raw`[\p{L}\p{N}]+`,
  ].join('|'),
  'giu',
);

/** Consecutive tokens to match; `prefix`: the last one may be the start of a longer word. */
export type Phrase = { tokens: string[]; prefix: boolean };

/** The token sequences one written number can appear as: "8000" <-> 8 000, "8,000" <-> 8000, "1.3" -> 1 3. */
function numberForms(num: string): string[][] {
  const parts = num.split(/[.,\u00a0\u202f]/);
  const forms = [parts];
  if (parts.length > 1 && parts.slice(1).every((p) => p.length === 3)) forms.push([parts.join('')]);
  if (parts.length === 1 && /^\d{4,}$/.test(num)) forms.push(num.replace(/\B(?=(\d{3})+$)/g, ' ').split(' '));
  return forms;
}

/** Every phrase a number with an optional unit may be written as. */
function numberPhrases(forms: string[][], unit: string | undefined, extraWord?: string): Phrase[] {
  const lower = unit?.toLowerCase().replace(/\s+/g, ' ');
  if (!lower) return forms.map((tokens) => ({ tokens, prefix: true }));
  const phrases: Phrase[] = [];
  const add = (tokens: string[]) => phrases.push({ tokens, prefix: false });
  const withWords = extraWord ? [...forms, [extraWord]] : forms;
  if (PERCENT.test(lower)) {
    for (const f of forms) add([...f.slice(0, -1), `${f.at(-1)}%`]);
    for (const f of withWords) {
      add([...f, 'percent']);
      add([...f, 'per', 'cent']);
    }
    return phrases;
  }
  const scale = SCALES[SCALE_OF[lower]];
  for (const f of forms) for (const a of scale.attached) add([...f.slice(0, -1), `${f.at(-1)}${a}`]);
  for (const f of withWords) for (const w of scale.apart) add([...f, w]);
  return phrases;
}

/**
 * The searchable terms of free text: every group must match (AND), by any of its phrases (OR). Words are prefix
 * phrases; a number matches each way it may be written (8000, 8,000, 8.000; 50%, 50 percent, 50 per cent, fifty
 * percent; 1.3bn, 1.3 billion). Tokens are as typed (the engines fold case). Null when the text has no word.
 */
export function searchTerms(q: string): Phrase[][] | null {
  const groups: Phrase[][] = [];
  for (const m of q.matchAll(TOKEN)) {
    const g = m.groups!;
    let phrases: Phrase[];
    if (g.num) phrases = numberPhrases(numberForms(g.num), g.attached ?? g.unit);
    else if (g.word) phrases = numberPhrases([[String(WORD_NUMBERS[g.word.toLowerCase()])]], g.wordUnit, g.word.toLowerCase());
    else phrases = [{ tokens: [m[0]], prefix: true }];
    const unique = new Map(phrases.map((p) => [quote(p), p]));
    groups.push([...unique.values()]);
  }
  return groups.length ? groups : null;
}

const quote = (p: Phrase) => `"${p.tokens.join(' ')}"${p.prefix ? '*' : ''}`;

/** Turns free text into an FTS5 query of quoted terms, so user input can never be FTS syntax; null when wordless. */
export function ftsQuery(q: string): string | null {
  const groups = searchTerms(q);
  if (!groups) return null;
  return groups.map((g) => (g.length === 1 ? quote(g[0]) : `(${g.map(quote).join(' OR ')})`)).join(' AND ');
}

/**
 * A token as both indexes store it: lower-cased, diacritics removed (as unicode61's remove_diacritics and the
 * PostgreSQL index function do: decompose, drop the combining marks U+0300-U+036F).
 */
export function searchToken(token: string): string {
  return token
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * One tsquery operand: a quoted lexeme, `:*` for a prefix, and optional weight letters (A-D) it must carry. The
 * quoting makes any text a plain lexeme (tokens hold only letters, digits and %, but quotes are doubled anyway).
 */
export function tsLexeme(token: string, prefix: boolean, weights = ''): string {
  const flags = `${prefix ? '*' : ''}${weights}`;
  return `'${searchToken(token).replace(/\\/g, '\\\\').replace(/'/g, "''")}'${flags ? `:${flags}` : ''}`;
}

const tsPhrase = (p: Phrase) => p.tokens.map((t, i) => tsLexeme(t, p.prefix && i === p.tokens.length - 1)).join(' <-> ');

/**
 * The same query as a PostgreSQL tsquery text, for `cast(... as tsquery)`: lexemes are quoted, so user input can
 * never be tsquery syntax (websearch_to_tsquery would also neutralise it, but has no prefix matching and would
 * split words with PostgreSQL's parser rather than the index's). Null when wordless.
 */
export function tsQuery(q: string): string | null {
  const groups = searchTerms(q);
  if (!groups) return null;
  return groups.map((g) => (g.length === 1 ? tsPhrase(g[0]) : `(${g.map(tsPhrase).join(' | ')})`)).join(' & ');
}
