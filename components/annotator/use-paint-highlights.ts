'use client';

import { useEffect, useRef, useState } from 'react';
import type { Editor } from '@tiptap/react';
import type { Suggestion } from '@/lib/suggest/types';
import { claimHighlightsKey, suggestionHighlightsKey, type ClaimLayer, type SuggestionLayer } from './claim-highlights';
import { toHighlight, type HighlightClaim } from './highlight-marks';
import type { ClaimSummaryDto } from './types';

/**
 * Claims the editor paints when it is created, then adds per task. Creating the view with all 10,000 highlights of a
 * 200,000-word article was one 500-600 ms task; in chunks no task holds the page that long.
 */
export const PAINT_CHUNK = 2500;

/** The claims to paint (not orphaned: those lost their words in a new version), the first `n` in document order plus the selected one. */
export function paintedClaims(claims: readonly ClaimSummaryDto[], n: number, selectedId: number | null): HighlightClaim[] {
  const list = claims.filter((c) => !c.orphaned);
  // The selected claim is painted from the start: ?claim=ID links scroll to it as soon as the editor is there.
  const head = list.length <= n ? list : [...list.slice(0, n), ...list.slice(n).filter((c) => c.id === selectedId)];
  return head.map(toHighlight);
}

/**
 * Suggestions the editor adds per frame. The 1,181 of a 200,000-word article at once were one 200-400 ms task of
 * ProseMirror redrawing their paragraphs, then a 250-300 ms frame laying them out, whenever they arrived (mid-scroll).
 */
export const SUGGESTION_CHUNK = 200;

type State = {
  /** In document order (the chunks are its first n). */
  claims: readonly ClaimSummaryDto[];
  selectedId: number | null;
  suggestions: Suggestion[] | null;
  activeSuggestion: number | null;
};

/** Keeps the editor's claim highlights and suggestion highlights (two decoration sets) in step with `state`. */
export function usePaintHighlights(editor: Editor | null, state: State): void {
  usePaintClaims(editor, state);
  usePaintSuggestions(editor, state.suggestions, state.activeSuggestion);
}

/**
 * A new editor was created with `paintedClaims(claims, PAINT_CHUNK)` of the first render's state (ClaimHighlights'
 * initial state); the rest are added a chunk per task. A state the editor already painted is not dispatched again
 * (a second layout of every decoration).
 */
function usePaintClaims(editor: Editor | null, { claims, selectedId }: Pick<State, 'claims' | 'selectedId'>): void {
  const [created] = useState({ claims, selectedId });
  const painted = useRef({ editor: null as Editor | null, state: created, filled: PAINT_CHUNK });
  useEffect(() => {
    if (!editor) return;
    if (painted.current.editor !== editor) painted.current = { editor, state: created, filled: PAINT_CHUNK };
    const was = painted.current.state;
    painted.current.state = { claims, selectedId };
    const paint = () => {
      const layer: ClaimLayer = { claims: paintedClaims(claims, painted.current.filled, selectedId), selectedId };
      editor.view.dispatch(editor.state.tr.setMeta(claimHighlightsKey, layer));
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const more = () => {
      if (painted.current.filled >= claims.length) return;
      timer = setTimeout(() => {
        painted.current.filled += PAINT_CHUNK;
        paint();
        more();
      }, 0);
    };
    if (was.claims !== claims || was.selectedId !== selectedId) paint();
    more();
    return () => clearTimeout(timer);
  }, [editor, claims, selectedId, created]);
}

/**
 * Paints the first `SUGGESTION_CHUNK` suggestions (and the active one with its speaker) as soon as they are there,
 * then adds a chunk per frame, so each chunk's redraw and layout is a frame of its own. What is painted only grows: a
 * changed list (one accepted or dismissed) is repainted as far as it had been.
 */
function usePaintSuggestions(editor: Editor | null, suggestions: Suggestion[] | null, activeSuggestion: number | null): void {
  const painted = useRef({ editor: null as Editor | null, suggestions: null as Suggestion[] | null, active: null as number | null, filled: 0 });
  useEffect(() => {
    if (!editor) return;
    const p = painted.current;
    if (p.editor !== editor) Object.assign(p, { editor, suggestions: null, active: null, filled: 0 });
    const list = suggestions ?? [];
    // Ids are indexes in the list; the active suggestion is painted first, wherever it is.
    const spans = (from: number, to: number) => list.slice(from, to).map((s, i) => ({ id: from + i, start: s.start, end: s.end }));
    const dispatch = (layer: SuggestionLayer) => editor.view.dispatch(editor.state.tr.setMeta(suggestionHighlightsKey, layer));
    let frame: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const more = () => {
      if (p.filled >= list.length) return;
      frame = requestAnimationFrame(() => {
        timer = setTimeout(() => {
          const from = p.filled;
          p.filled += SUGGESTION_CHUNK;
          dispatch({ suggestions: spans(from, p.filled).filter((s) => s.id !== activeSuggestion), add: true });
          more();
        }, 0);
      });
    };
    if (p.suggestions !== suggestions || p.active !== activeSuggestion) {
      Object.assign(p, { suggestions, active: activeSuggestion, filled: Math.max(p.filled, SUGGESTION_CHUNK) });
      const active = activeSuggestion == null ? undefined : list[activeSuggestion];
      const head = spans(0, p.filled);
      if (active && activeSuggestion! >= p.filled) head.push({ id: activeSuggestion!, start: active.start, end: active.end });
      const speaker = active?.speakerStart != null && active.speakerEnd != null ? { start: active.speakerStart, end: active.speakerEnd } : null;
      dispatch({ suggestions: head, speaker });
    }
    more();
    return () => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [editor, suggestions, activeSuggestion]);
}
