'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import type { JSONContent } from '@tiptap/core';
import { articleExtensions } from '@/lib/articles/editor-schema';
import { ClaimHighlights, claimHighlightsKey, offsetAtCoords, type HighlightClaim } from './claim-highlights';
import { ReadOnlyText } from './read-only';
import { claimAtOffset } from './segments';
import { ClaimPanel } from './claim-panel';
import { NewClaimForm, type PendingSelection } from './new-claim-form';
import { SuggestionPanel } from './suggestion-panel';
import { useSuggestions } from './use-suggestions';
import { useArticleKeys } from './use-article-keys';
import { useFeedback } from '@/components/ui/feedback';
import { useCheckedBefore } from '@/components/matching/use-checked-before';
import { CheckedBeforePanel } from '@/components/matching/checked-before-panel';
import type { ClaimDto, ClaimSummaryDto } from './types';
import { useLiveClaims } from '@/components/live/use-live-claims';
import { LiveCue } from '@/components/live/live-cue';

type ListedClaim = ClaimSummaryDto | ClaimDto;
import type { VerdictDto } from '@/components/sources/types';

type Props = {
  articleId: number;
  doc: JSONContent;
  /** Claim summaries in any order (see toClaimSummary); full records are loaded when a claim is opened. */
  initialClaims: ClaimSummaryDto[];
  /** The verdict scale in order, for the claim editor's verdict select. */
  verdicts: VerdictDto[];
  /** A claim to select and scroll to on open (from `?claim=ID` links). */
  initialSelectedId?: number | null;
  /** The signed-in user: live changes by someone else are announced, and warn when they touch the open claim. */
  viewerId: number;
};


/**
 * The annotate view: the article in a read-only tiptap view with claim highlights, and the claim side panel. The
 * keyboard reaches everything the mouse does: the caret selects words, Enter and Esc move between a highlight and
 * its card, n / p step through highlights (use-article-keys.ts).
 */
export function Annotator({ articleId, doc, initialClaims, verdicts, initialSelectedId = null, viewerId }: Props) {
  const { toast } = useFeedback();
  const [claims, setClaims] = useState<ListedClaim[]>(() => sortClaims(initialClaims));
  const [selectedId, setSelectedId] = useState<number | null>(() =>
    initialClaims.some((c) => c.id === initialSelectedId) ? initialSelectedId : null,
  );
  const [pending, setPending] = useState<PendingSelection | null>(null);
  const [activeSuggestion, setActiveSuggestion] = useState<number | null>(null);
  const [focusSuggestion, setFocusSuggestion] = useState<{ index: number; seq: number } | null>(null);
  /** The text's key handler, read through a ref: the editor's props are fixed when it is created. */
  const keyHandler = useRef<(event: KeyboardEvent) => boolean>(() => false);
  // Built once per article: the initial claims are painted in the first render of the document.
  const [extensions] = useState(() => [
    ...articleExtensions,
    ReadOnlyText,
    ClaimHighlights.configure({ initial: { claims: initialClaims.filter((c) => !c.orphaned).map(toHighlight), selectedId } }),
  ]);
  const editor = useEditor({
    extensions,
    content: doc,
    immediatelyRender: false,
    editorProps: {
      attributes: { id: 'article-text', class: 'article-body', 'aria-readonly': 'true', 'aria-label': 'Article text' },
      handleKeyDown: (_view, event) => keyHandler.current(event),
    },
    onSelectionUpdate: ({ editor: ed }) => {
      const { from, to, empty } = ed.state.selection;
      const map = claimHighlightsKey.getState(ed.state)?.map;
      if (empty || !map) return setPending(null);
      const range = map.positionsToRange(from, to);
      setPending(range.end > range.start ? { ...range, exact: map.text.slice(range.start, range.end) } : null);
    },
  });

  const upsert = useCallback((claim: ClaimDto) => {
    setClaims((list) => sortClaims([...list.filter((c) => c.id !== claim.id), claim]));
  }, []);
  const remove = useCallback((id: number) => {
    setClaims((list) => list.filter((c) => c.id !== id));
    setSelectedId((s) => (s === id ? null : s));
  }, []);
  const live = useLiveClaims({ articleId, viewerId, claims, selectedId, upsert, remove });
  const suggestions = useSuggestions(articleId, upsert);
  const checkedBefore = useCheckedBefore(articleId);
  const activateSuggestion = useCallback((index: number, focus: boolean) => {
    setActiveSuggestion(index);
    if (focus) setFocusSuggestion((r) => ({ index, seq: (r?.seq ?? 0) + 1 }));
  }, []);
  const keys = useArticleKeys({ editor, claims, suggestions: suggestions.items, selectedId, selectClaim: setSelectedId, activateSuggestion });
  useEffect(() => {
    keyHandler.current = keys.onKeyDown;
  }, [keys.onKeyDown]);

  useEffect(() => {
    if (!editor) return;
    // Orphaned claims lost their words in a new version: listed in the panel, not painted.
    const highlight = claims.filter((c) => !c.orphaned).map(toHighlight);
    const suggested = (suggestions.items ?? []).map((s, i) => ({ id: i, start: s.start, end: s.end }));
    const active = activeSuggestion == null ? null : suggestions.items?.[activeSuggestion];
    const speaker = active?.speakerStart != null && active.speakerEnd != null ? { start: active.speakerStart, end: active.speakerEnd } : null;
    editor.view.dispatch(editor.state.tr.setMeta(claimHighlightsKey, { claims: highlight, selectedId, suggestions: suggested, speaker }));
  }, [editor, claims, selectedId, suggestions.items, activeSuggestion]);

  useEffect(() => {
    if (!editor || initialSelectedId == null) return;
    editor.view.dom.querySelector(`[data-claim-ids~="${initialSelectedId}"]`)?.scrollIntoView({ block: 'center' });
  }, [editor, initialSelectedId]);

  const selectAtPoint = (event: React.MouseEvent) => {
    // A drag that made a text selection is for creating a claim, not for picking one.
    if (!editor || !window.getSelection()?.isCollapsed) return;
    const offset = offsetAtCoords(editor.view, event.clientX, event.clientY);
    if (offset == null) return;
    const id = claimAtOffset(claims, offset, selectedId);
    if (id != null) return setSelectedId(id);
    const suggested = suggestions.items?.findIndex((s) => s.start <= offset && offset < s.end) ?? -1;
    if (suggested >= 0) activateSuggestion(suggested, true);
  };

  const selectFromPanel = useCallback(
    (id: number) => {
      setSelectedId(id);
      const el = editor?.view.dom.querySelector(`[data-claim-ids~="${id}"]`);
      el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    },
    [editor],
  );

  return (
    <div className="annotate">
      <article className="article-pane" data-testid="article" onClick={selectAtPoint}>
        {editor ? <EditorContent editor={editor} /> : <div className="article-loading muted">Loading article…</div>}
      </article>
      <aside id="claims-panel" className="side-panel" aria-label="Claims">
        <LiveCue message={live.cue} />
        <NewClaimForm
          articleId={articleId}
          orphan={claims.find((c) => c.id === selectedId && c.orphaned) ?? null}
          pending={pending}
          onCreated={(claim) => {
            upsert(claim);
            suggestions.forget(claim);
            setPending(null);
            // Drop the text selection so the next drag starts a new one instead of dragging the old text.
            editor?.commands.setTextSelection(editor.state.selection.to);
            window.getSelection()?.removeAllRanges();
            // The form goes away: its card takes focus, so the keyboard carries on from the new claim.
            keys.focusCard(claim.id);
            toast('Claim created. Fill it in below.');
          }}
        />
        <SuggestionPanel
          state={suggestions}
          activeIndex={activeSuggestion}
          onActivate={setActiveSuggestion}
          focusRequest={focusSuggestion}
          onReturnToText={(s) => {
            const index = suggestions.items?.indexOf(s) ?? -1;
            if (index >= 0) keys.returnToText({ kind: 'suggestion', suggestion: s, index });
          }}
          checkedBefore={checkedBefore}
        />
        <CheckedBeforePanel items={checkedBefore} />
        <ClaimPanel
          claims={claims}
          selectedId={selectedId}
          verdicts={verdicts}
          onSelect={selectFromPanel}
          onChanged={upsert}
          onReturnToText={(claim) => keys.returnToText({ kind: 'claim', claim })}
          layoutKey={suggestions.loading}
          stale={live.stale && { ...live.stale, onReload: live.reload, onKeep: live.keepEditing }}
          pinned={live.pinned}
          onDeleted={(id) => {
            setClaims((list) => list.filter((c) => c.id !== id));
            setSelectedId(null);
            toast('Claim deleted.');
            document.getElementById('claims-heading')?.focus();
          }}
        />
      </aside>
    </div>
  );
}

function toHighlight(c: ListedClaim): HighlightClaim {
  return { id: c.id, start: c.start, end: c.end, status: c.status, type: c.type, color: c.verdictColor, verdict: c.verdictLabel };
}

function sortClaims(list: ListedClaim[]): ListedClaim[] {
  return [...list].sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id);
}
