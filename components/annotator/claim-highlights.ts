import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { buildTextMap, type TextMap } from '@/lib/anchoring/text-map';
import { highlightMarks, type HighlightState } from './highlight-marks';

export { describeClaims, type HighlightClaim, type HighlightState } from './highlight-marks';

export const claimHighlightsKey = new PluginKey<{ map: TextMap; decorations: DecorationSet }>('claimHighlights');
/**
 * Suggestions and the active suggestion's speaker, in a decoration set of their own: their arrival or a new active
 * suggestion does not rebuild (nor make ProseMirror compare) the 10,000 claim decorations of a long article, and a
 * new claims chunk leaves them alone. ProseMirror merges both sets per text node, in the order of the plugins, as one
 * set of claims then suggestions was drawn.
 */
export const suggestionHighlightsKey = new PluginKey<DecorationSet>('suggestionHighlights');

/** What `tr.setMeta(claimHighlightsKey, ...)` paints. */
export type ClaimLayer = Pick<HighlightState, 'claims' | 'selectedId'>;
/**
 * What `tr.setMeta(suggestionHighlightsKey, ...)` paints. With `add`, its suggestions join those painted (a chunk
 * costs its own decorations, not all of them, and ProseMirror skips paragraphs whose decorations kept their set).
 */
export type SuggestionLayer = Pick<HighlightState, 'suggestions' | 'speaker'> & { add?: boolean };

/**
 * Paints claims and suggestions as ProseMirror decorations computed from the claims list (never stored in the
 * document), from the same marks the server paints into the page's first HTML (highlight-marks.ts).
 * Update with `tr.setMeta(claimHighlightsKey, claimLayer)` and `tr.setMeta(suggestionHighlightsKey, suggestionLayer)`.
 */
export interface ClaimHighlightsOptions {
  /**
   * Highlights painted in the very first render, so a heavily annotated article is laid out once, not twice.
   * @default { claims: [], selectedId: null }
   */
  initial: ClaimLayer;
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
            const next: ClaimLayer | undefined = tr.getMeta(claimHighlightsKey);
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
      new Plugin({
        key: suggestionHighlightsKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, decorations, _old, state) {
            const next: SuggestionLayer | undefined = tr.getMeta(suggestionHighlightsKey);
            // The claims plugin comes first, so its text map is already the new state's.
            if (!next) return decorations.map(tr.mapping, tr.doc);
            const added = inlineDecorations(claimHighlightsKey.getState(state)!.map, { claims: [], selectedId: null, ...next });
            return next.add ? decorations.add(tr.doc, added) : DecorationSet.create(tr.doc, added);
          },
        },
        props: {
          decorations: (state) => suggestionHighlightsKey.getState(state),
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
  return DecorationSet.create(doc, inlineDecorations(map, state));
}

function inlineDecorations(map: TextMap, state: HighlightState): Decoration[] {
  const decorations: Decoration[] = [];
  for (const mark of highlightMarks(state)) pushInline(decorations, map, mark.start, mark.end, mark.attrs);
  return decorations;
}

function pushInline(out: Decoration[], map: TextMap, start: number, end: number, attrs: Record<string, string>) {
  if (end > map.text.length) return; // an anchor past the text is orphaned; the panel still lists it
  const { from, to } = map.rangeToPositions(start, end);
  // A segment may span block boundaries; inline decorations skip the gaps between blocks themselves.
  if (to > from) out.push(Decoration.inline(from, to, attrs));
}
