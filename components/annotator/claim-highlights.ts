import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { buildTextMap, type TextMap } from '@/lib/anchoring/text-map';
import { splitSegments, type Span } from './segments';
import { STATUS_LABELS, TYPE_LABELS } from '@/components/labels';

/** What the read view needs to paint one claim (and to describe it to assistive technology). */
export type HighlightClaim = Span & { status: string; type: string; color?: string | null; verdict?: string | null };

export type HighlightState = { claims: readonly HighlightClaim[]; selectedId: number | null; suggestions?: readonly Span[]; speaker?: { start: number; end: number } | null };

export const claimHighlightsKey = new PluginKey<{ map: TextMap; decorations: DecorationSet }>('claimHighlights');

/**
 * Paints claims as ProseMirror decorations computed from the claims list (never stored in the document).
 * Overlapping claims become one segment per stretch listing all its claims; adjacent claims get a start marker.
 * Update with `tr.setMeta(claimHighlightsKey, state)`.
 */
export interface ClaimHighlightsOptions {
  /**
   * Highlights painted in the very first render, so a heavily annotated article is laid out once, not twice.
   * @default { claims: [], selectedId: null }
   */
  initial: HighlightState;
}

export const ClaimHighlights = Extension.create<ClaimHighlightsOptions>({
  name: 'claimHighlights',
  addOptions() {
    return { initial: { claims: [], selectedId: null } };
  },
  addProseMirrorPlugins() {
    const { initial } = this.options;
    return [
      new Plugin({
        key: claimHighlightsKey,
        state: {
          init: (_, { doc }) => {
            const map = buildTextMap(doc);
            return { map, decorations: buildDecorations(doc, map, initial) };
          },
          apply(tr, value) {
            const next: HighlightState | undefined = tr.getMeta(claimHighlightsKey);
            // The document never changes in the read view, so the text map is built once.
            const map = tr.docChanged ? buildTextMap(tr.doc) : value.map;
            if (next) return { map, decorations: buildDecorations(tr.doc, map, next) };
            return { map, decorations: value.decorations.map(tr.mapping, tr.doc) };
          },
        },
        props: {
          decorations: (state) => claimHighlightsKey.getState(state)?.decorations,
        },
      }),
    ];
  },
});

/** The body_text offset under a screen point, or null outside the text. */
export function offsetAtCoords(view: EditorView, x: number, y: number): number | null {
  const hit = view.posAtCoords({ left: x, top: y });
  const map = claimHighlightsKey.getState(view.state)?.map;
  return hit && map ? map.posToOffset(hit.pos) : null;
}

function buildDecorations(doc: ProseMirrorNode, map: TextMap, state: HighlightState): DecorationSet {
  const byId = new Map(state.claims.map((c) => [c.id, c]));
  const decorations: Decoration[] = [];
  for (const seg of splitSegments(state.claims)) {
    const inner = byId.get(seg.ids[0])!;
    const classes = ['claim-hl', `status-${inner.status}`, `type-${inner.type}`];
    if (seg.ids.length > 1) classes.push('claim-overlap');
    if (seg.startsClaim) classes.push('claim-start');
    if (state.selectedId != null && seg.ids.includes(state.selectedId)) classes.push('claim-selected');
    // A <mark> with a description: screen readers announce "highlighted" and what the claim is, and the same words
    // show as a tooltip, so neither status nor verdict is told by colour alone.
    const description = describeClaims(seg.ids.map((id) => byId.get(id)!));
    const attrs: Record<string, string> = { nodeName: 'mark', class: classes.join(' '), 'data-claim-ids': seg.ids.join(' '), 'aria-description': description, title: description };
    if (inner.color) attrs.style = `--verdict-color: ${inner.color}`;
    pushInline(decorations, map, seg.start, seg.end, attrs);
  }
  for (const s of state.suggestions ?? []) {
    pushInline(decorations, map, s.start, s.end, { class: 'suggestion-hl', 'data-suggestion-id': String(s.id) });
  }
  // the speaker mention of the active suggestion
  if (state.speaker) pushInline(decorations, map, state.speaker.start, state.speaker.end, { class: 'speaker-hl' });
  return DecorationSet.create(doc, decorations);
}

/** "Claim: statistic, in review, verdict Mostly false" (one claim) or "2 claims: …; …" (overlapping claims). */
export function describeClaims(claims: readonly HighlightClaim[]): string {
  const one = (c: HighlightClaim) =>
    `${(TYPE_LABELS[c.type] ?? c.type).toLowerCase()}, ${(STATUS_LABELS[c.status] ?? c.status).toLowerCase()}, ${c.verdict ? `verdict ${c.verdict}` : 'no verdict yet'}`;
  return claims.length === 1 ? `Claim: ${one(claims[0])}` : `${claims.length} claims: ${claims.map(one).join('; ')}`;
}

function pushInline(out: Decoration[], map: TextMap, start: number, end: number, attrs: Record<string, string>) {
  if (end > map.text.length) return; // an anchor past the text is orphaned; the panel still lists it
  const { from, to } = map.rangeToPositions(start, end);
  // A segment may span block boundaries; inline decorations skip the gaps between blocks themselves.
  if (to > from) out.push(Decoration.inline(from, to, attrs));
}
