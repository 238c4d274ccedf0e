'use client';

import { useEffect, useRef, useState } from 'react';
import type { Editor } from '@tiptap/react';
import type { Suggestion } from '@/lib/suggest/types';
import { claimHighlightsKey } from './claim-highlights';
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

type State = {
  /** In document order (the chunks are its first n). */
  claims: readonly ClaimSummaryDto[];
  selectedId: number | null;
  suggestions: Suggestion[] | null;
  activeSuggestion: number | null;
};

/**
 * Keeps the editor's highlights in step with `state`. A new editor was created with `paintedClaims(claims,
 * PAINT_CHUNK)` of the first render's state (ClaimHighlights' initial state); the rest are added a chunk per task.
 * A state the editor already painted is not dispatched again (a second layout of every decoration).
 */
export function usePaintHighlights(editor: Editor | null, state: State): void {
  const { claims, selectedId, suggestions, activeSuggestion } = state;
  const [created] = useState(state);
  const painted = useRef<{ editor: Editor | null; state: State; filled: number }>({ editor: null, state: created, filled: PAINT_CHUNK });
  useEffect(() => {
    if (!editor) return;
    if (painted.current.editor !== editor) painted.current = { editor, state: created, filled: PAINT_CHUNK };
    const was = painted.current.state;
    painted.current.state = { claims, selectedId, suggestions, activeSuggestion };
    const paint = () => {
      const suggested = (suggestions ?? []).map((s, i) => ({ id: i, start: s.start, end: s.end }));
      const active = activeSuggestion == null ? null : suggestions?.[activeSuggestion];
      const speaker = active?.speakerStart != null && active.speakerEnd != null ? { start: active.speakerStart, end: active.speakerEnd } : null;
      const highlight = paintedClaims(claims, painted.current.filled, selectedId);
      editor.view.dispatch(editor.state.tr.setMeta(claimHighlightsKey, { claims: highlight, selectedId, suggestions: suggested, speaker }));
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
    const same =
      was.claims === claims && was.selectedId === selectedId && was.suggestions === suggestions && was.activeSuggestion === activeSuggestion;
    if (!same) paint();
    more();
    return () => clearTimeout(timer);
  }, [editor, claims, selectedId, suggestions, activeSuggestion, created]);
}
