/** The board's URL parameters (the same names as GET /api/claims, so a board URL and an API call share filters). */
export const BOARD_PARAMS = [
  'status',
  'type',
  'verdict',
  'articleId',
  'author',
  'assignee',
  'tag',
  'q',
  'from',
  'to',
  'sort',
  'cursor',
  'mine',
] as const;
export type BoardQuery = Partial<Record<(typeof BOARD_PARAMS)[number], string>>;

/** Known, non-empty parameters from Next's searchParams (repeated keys joined by commas). */
export function boardQuery(sp: Record<string, string | string[] | undefined>): BoardQuery {
  const out: BoardQuery = {};
  for (const key of BOARD_PARAMS) {
    const v = sp[key];
    const value = Array.isArray(v) ? v.filter(Boolean).join(',') : v;
    if (value) out[key] = value;
  }
  return out;
}

/** A /claims URL for `query` with `changes` applied (undefined removes a key); changing a filter drops the cursor. */
export function boardHref(query: BoardQuery, changes: BoardQuery): string {
  const next: BoardQuery = { ...query, ...changes };
  if (!('cursor' in changes)) delete next.cursor;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(next)) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `/claims?${s}` : '/claims';
}
