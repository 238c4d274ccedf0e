import { splitSegments, type Span } from './segments';
import { STATUS_LABELS, TYPE_LABELS } from '@/components/labels';
import type { ClaimSummaryDto } from './types';

/** What the read view needs to paint one claim (and to describe it to assistive technology). */
export type HighlightClaim = Span & { status: string; type: string; color?: string | null; verdict?: string | null };

export type HighlightState = {
  claims: readonly HighlightClaim[];
  selectedId: number | null;
  suggestions?: readonly Span[];
  speaker?: { start: number; end: number } | null;
};

/** One painted stretch of body_text and the attributes of its element (`nodeName` names the element, as in ProseMirror). */
export type InlineMark = { start: number; end: number; attrs: Record<string, string> };

/**
 * The highlights of `state` as body_text ranges with their element attributes, in document order for claims, then
 * suggestions, then the speaker. One list for both painters: the editor turns it into decorations
 * (claim-highlights.ts) and the server into <mark> elements in the page's HTML (static-article.ts), so both draw
 * the same marks. Overlapping claims become one segment per stretch listing all its claims; adjacent claims get a
 * start marker.
 */
export function highlightMarks(state: HighlightState): InlineMark[] {
  const byId = new Map(state.claims.map((c) => [c.id, c]));
  const out: InlineMark[] = [];
  for (const seg of splitSegments(state.claims)) {
    const inner = byId.get(seg.ids[0])!;
    const classes = ['claim-hl', `status-${inner.status}`, `type-${inner.type}`];
    if (seg.ids.length > 1) classes.push('claim-overlap');
    if (seg.startsClaim) classes.push('claim-start');
    if (state.selectedId != null && seg.ids.includes(state.selectedId)) classes.push('claim-selected');
    // A <mark> with a description: screen readers announce "highlighted" and what the claim is, and the same words
    // show as a tooltip, so neither status nor verdict is told by colour alone.
    const description = describeClaims(seg.ids.map((id) => byId.get(id)!));
    const attrs: Record<string, string> = {
      nodeName: 'mark',
      class: classes.join(' '),
      'data-claim-ids': seg.ids.join(' '),
      'aria-description': description,
      title: description,
    };
    if (inner.color) attrs.style = `--verdict-color: ${inner.color}`;
    out.push({ start: seg.start, end: seg.end, attrs });
  }
  for (const s of state.suggestions ?? [])
    out.push({ start: s.start, end: s.end, attrs: { class: 'suggestion-hl', 'data-suggestion-id': String(s.id) } });
  // the speaker mention of the active suggestion
  if (state.speaker) out.push({ start: state.speaker.start, end: state.speaker.end, attrs: { class: 'speaker-hl' } });
  return out;
}

/** "Claim: statistic, in review, verdict Mostly false" (one claim) or "2 claims: …; …" (overlapping claims). */
export function describeClaims(claims: readonly HighlightClaim[]): string {
  const one = (c: HighlightClaim) =>
    `${(TYPE_LABELS[c.type] ?? c.type).toLowerCase()}, ${(STATUS_LABELS[c.status] ?? c.status).toLowerCase()}, ${c.verdict ? `verdict ${c.verdict}` : 'no verdict yet'}`;
  return claims.length === 1 ? `Claim: ${one(claims[0])}` : `${claims.length} claims: ${claims.map(one).join('; ')}`;
}

/** What the painters need of a listed claim (summary or full record). */
export function toHighlight(c: Pick<ClaimSummaryDto, 'id' | 'start' | 'end' | 'status' | 'type' | 'verdictColor' | 'verdictLabel'>): HighlightClaim {
  return { id: c.id, start: c.start, end: c.end, status: c.status, type: c.type, color: c.verdictColor, verdict: c.verdictLabel };
}
