import type { ClaimSummaryDto } from './types';

/**
 * One claim summary as a tuple: id, start, length, then indexes into `strings` for type, status, verdict label,
 * verdict colour and claimant (-1 for none), verdict id (0 for none), claim text, orphaned (0/1), author, version.
 */
type Row = [number, number, number, number, number, number, number, number, number, string, 0 | 1, number, number];

/**
 * Claim summaries as the page sends them: tuples with their repeated strings (types, statuses, verdicts, claimants)
 * in one table. 10,000 keyed summaries were 2.6 MB of the page's payload (keys and repeats, escaped again inside the
 * HTML's script tags); packed they are under half that, and the browser parses no per-claim objects from JSON.
 */
export type PackedClaims = { strings: string[]; rows: Row[] };

export function packClaims(claims: readonly ClaimSummaryDto[]): PackedClaims {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const ref = (s: string | null) => {
    if (s == null) return -1;
    let i = index.get(s);
    if (i === undefined) index.set(s, (i = strings.push(s) - 1));
    return i;
  };
  const rows = claims.map((c): Row => [
    c.id,
    c.start,
    c.end - c.start,
    ref(c.type),
    ref(c.status),
    ref(c.verdictLabel),
    ref(c.verdictColor),
    ref(c.claimant),
    c.verdictId ?? 0,
    c.claimText,
    c.orphaned ? 1 : 0,
    c.authorId,
    c.version,
  ]);
  return { strings, rows };
}

export function unpackClaims({ strings, rows }: PackedClaims): ClaimSummaryDto[] {
  const str = (i: number) => (i < 0 ? null : strings[i]);
  return rows.map(([id, start, length, type, status, verdictLabel, verdictColor, claimant, verdictId, claimText, orphaned, authorId, version]) => ({
    id,
    start,
    end: start + length,
    type: str(type) as ClaimSummaryDto['type'],
    status: str(status) as ClaimSummaryDto['status'],
    verdictId: verdictId || null,
    verdictLabel: str(verdictLabel),
    verdictColor: str(verdictColor),
    claimText,
    claimant: str(claimant) ?? '',
    orphaned: orphaned === 1,
    authorId,
    version,
  }));
}
