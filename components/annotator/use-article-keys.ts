'use client';

import { useCallback, useEffect, useRef } from 'react';
import type { Editor } from '@tiptap/react';
import type { Suggestion } from '@/lib/suggest/types';
import { isShortcut } from '@/lib/shortcuts/keymap';
import { useKeymap } from '@/components/ui/keymap-context';
import { useFeedback } from '@/components/ui/feedback';
import { STATUS_LABELS, TYPE_LABELS } from '@/components/labels';
import { claimHighlightsKey } from './claim-highlights';
import { stepHighlight, type MarkedSpan } from './highlight-nav';
import type { ClaimSummaryDto } from './types';

type Args = {
  editor: Editor | null;
  claims: ClaimSummaryDto[];
  suggestions: Suggestion[] | null;
  selectedId: number | null;
  selectClaim: (id: number) => void;
  /** Makes a suggestion the active one; with `focus`, its card takes focus. */
  activateSuggestion: (index: number, focus: boolean) => void;
};

/** How a claim is read out: type, status, verdict and its words. */
export function describeClaim(c: Pick<ClaimSummaryDto, 'type' | 'status' | 'verdictLabel' | 'claimText'>): string {
  const verdict = c.verdictLabel ? `, verdict ${c.verdictLabel}` : '';
  return `${TYPE_LABELS[c.type]} claim, ${STATUS_LABELS[c.status]}${verdict}: ${c.claimText.slice(0, 120)}`;
}

const describeSuggestion = (s: Suggestion) => `suggested ${TYPE_LABELS[s.type].toLowerCase()}: ${s.text.slice(0, 120)}`;

/**
 * Keyboard moves between the article and the side panel, each announced in the live region (as Hypothesis does):
 * in the text, n / p (user's keymap) go to the next / previous highlight and Enter opens the card of the highlight at
 * the caret (or the new-claim form when words are selected); `returnToText` (Esc on a card) puts the caret back
 * on the card's words. `onKeyDown` is the text's key handler and returns true when it used the key.
 */
export function useArticleKeys({ editor, claims, suggestions, selectedId, selectClaim, activateSuggestion }: Args) {
  const keymap = useKeymap();
  const { announce } = useFeedback();
  /** A claim card to focus once it is rendered (selecting a claim re-renders the list and opens its editor). */
  const pendingCard = useRef<number | null>(null);
  /** The highlight the caret was last put on, so n / p step on from it (see stepHighlight). */
  const current = useRef<MarkedSpan | null>(null);

  useEffect(() => {
    if (pendingCard.current == null) return;
    const head = document.querySelector<HTMLElement>(`.claim-card[data-claim-id="${pendingCard.current}"] .claim-card-head`);
    if (!head) return;
    pendingCard.current = null;
    head.focus();
  }, [selectedId, claims]);

  const caretOffset = useCallback((): number | null => {
    const map = editor && claimHighlightsKey.getState(editor.state)?.map;
    return map && editor ? map.posToOffset(editor.state.selection.head) : null;
  }, [editor]);

  /** Puts the caret at `start`, focuses the text and scrolls the highlight (by its decoration) into view. */
  const placeCaret = useCallback(
    (span: { start: number; end: number }, scrollTo: string) => {
      const map = editor && claimHighlightsKey.getState(editor.state)?.map;
      if (!editor || !map) return;
      editor.chain().focus().setTextSelection(map.rangeToPositions(span.start, span.end).from).run();
      editor.view.dom.querySelector(scrollTo)?.scrollIntoView({ block: 'center' });
    },
    [editor],
  );

  const focusCard = useCallback(
    (id: number) => {
      pendingCard.current = id;
      selectClaim(id);
      document.querySelector<HTMLElement>(`.claim-card[data-claim-id="${id}"] .claim-card-head`)?.focus();
    },
    [selectClaim],
  );

  const returnToText = useCallback(
    (target: { kind: 'claim'; claim: ClaimSummaryDto } | { kind: 'suggestion'; suggestion: Suggestion; index: number }) => {
      if (target.kind === 'claim') {
        if (target.claim.orphaned) return announce('This claim lost its words in a new version: it has no place in the text.');
        current.current = { kind: 'claim', ref: target.claim.id, start: target.claim.start, end: target.claim.end };
        placeCaret(target.claim, `[data-claim-ids~="${target.claim.id}"]`);
        announce(`In the text at the ${describeClaim(target.claim)}. Enter goes back to its card.`);
      } else {
        current.current = { kind: 'suggestion', ref: target.index, start: target.suggestion.start, end: target.suggestion.end };
        placeCaret(target.suggestion, `[data-suggestion-id="${target.index}"]`);
        announce(`In the text at the ${describeSuggestion(target.suggestion)}. Enter goes back to it.`);
      }
    },
    [placeCaret, announce],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent): boolean => {
      if (!editor) return false;
      if (event.key === 'Enter' && !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey) {
        if (!editor.state.selection.empty) {
          const field = document.querySelector<HTMLElement>('.new-claim select[name="type"]');
          if (!field) return false;
          field.focus();
          announce('New claim from the selected words: choose its type, then Tab to the other fields.');
          return true;
        }
        const offset = caretOffset();
        if (offset == null) return false;
        const covering = claims.filter((c) => !c.orphaned && c.start <= offset && offset < c.end).sort((a, b) => a.end - a.start - (b.end - b.start));
        const claim = covering.find((c) => c.id === selectedId) ?? covering[0];
        if (claim) {
          focusCard(claim.id);
          announce(`Card of the ${describeClaim(claim)}. Esc goes back to the text.`);
          return true;
        }
        const index = suggestions?.findIndex((s) => s.start <= offset && offset < s.end) ?? -1;
        if (index < 0) return false;
        activateSuggestion(index, true);
        return true;
      }
      const step = isShortcut(event, keymap, 'text.next') ? 1 : isShortcut(event, keymap, 'text.previous') ? -1 : 0;
      if (!step) return false;
      const spans: MarkedSpan[] = [
        ...claims.filter((c) => !c.orphaned).map((c): MarkedSpan => ({ kind: 'claim', ref: c.id, start: c.start, end: c.end })),
        ...(suggestions ?? []).map((s, i): MarkedSpan => ({ kind: 'suggestion', ref: i, start: s.start, end: s.end })),
      ];
      const target = stepHighlight(spans, caretOffset() ?? 0, step, current.current);
      if (!target) {
        announce(step === 1 ? 'No more highlights after this point.' : 'No highlights before this point.');
        return true;
      }
      current.current = target;
      const position = `${spans.filter((s) => s.start < target.start).length + 1} of ${spans.length}`;
      if (target.kind === 'claim') {
        const claim = claims.find((c) => c.id === target.ref)!;
        placeCaret(target, `[data-claim-ids~="${claim.id}"]`);
        selectClaim(claim.id);
        announce(`${describeClaim(claim)}. Highlight ${position}; Enter opens its card.`);
      } else {
        const suggestion = suggestions![target.ref];
        placeCaret(target, `[data-suggestion-id="${target.ref}"]`);
        activateSuggestion(target.ref, false);
        announce(`${describeSuggestion(suggestion)}. Highlight ${position}; Enter opens it.`);
      }
      return true;
    },
    [editor, claims, suggestions, selectedId, keymap, caretOffset, placeCaret, focusCard, selectClaim, activateSuggestion, announce],
  );

  return { onKeyDown, returnToText, focusCard };
}
