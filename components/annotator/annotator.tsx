'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { Editor } from '@tiptap/react';
import type { JSONContent } from '@tiptap/core';
import { articleExtensions } from '@/lib/articles/editor-schema';
import { ClaimHighlights, claimHighlightsKey, offsetAtCoords } from './claim-highlights';
import { paintedClaims, PAINT_CHUNK, usePaintHighlights } from './use-paint-highlights';
import { ArticleEditor } from './article-editor';
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
import { unpackClaims, type PackedClaims } from './packed-claims';
import { useLiveClaims } from '@/components/live/use-live-claims';
import { LiveCue } from '@/components/live/live-cue';

type ListedClaim = ClaimSummaryDto | ClaimDto;
import type { VerdictDto } from '@/components/sources/types';

type Props = {
  articleId: number;
  doc: JSONContent;
  /** Claim summaries in any order (packed, see packed-claims.ts); full records are loaded when a claim is opened. */
  claims: PackedClaims;
  /** The verdict scale in order, for the claim editor's verdict select. */
  verdicts: VerdictDto[];
  /** A claim to select and scroll to on open (from `?claim=ID` links). */
  initialSelectedId?: number | null;
  /** The signed-in user: live changes by someone else are announced, and warn when they touch the open claim. */
  viewerId: number;
  /** The article's first screens with their highlights as HTML (renderArticleHtml), shown until the editor has mounted. */
  staticHtml: string;
  /** False when staticHtml is only the beginning of the text. */
  staticComplete?: boolean;
};

/**
 * The annotate view: the article in a read-only tiptap view with claim highlights, and the claim side panel. The
 * keyboard reaches everything the mouse does: the caret selects words, Enter and Esc move between a highlight and
 * its card, n / p step through highlights (use-article-keys.ts).
 */
export function Annotator({
  articleId,
  doc,
  claims: packed,
  verdicts,
  initialSelectedId = null,
  viewerId,
  staticHtml,
  staticComplete = true,
}: Props) {
  const { toast } = useFeedback();
  const [initialClaims] = useState(() => unpackClaims(packed));
  const [claims, setClaims] = useState<ListedClaim[]>(() => sortClaims(initialClaims));
  const [selectedId, setSelectedId] = useState<number | null>(() =>
    initialClaims.some((c) => c.id === initialSelectedId) ? initialSelectedId : null,
  );
  const [pending, setPending] = useState<PendingSelection | null>(null);
  const [activeSuggestion, setActiveSuggestion] = useState<number | null>(null);
  const [focusSuggestion, setFocusSuggestion] = useState<{ index: number; seq: number } | null>(null);
  /** The text's key handler, read through a ref: the editor's props are fixed when it is created. */
  const keyHandler = useRef<(event: KeyboardEvent) => boolean>(() => false);
  // Built once per article: the first claims are painted in the first render of the document (usePaintHighlights adds the rest).
  const [extensions] = useState(() => [
    ...articleExtensions,
    ReadOnlyText,
    ClaimHighlights.configure({ initial: { claims: paintedClaims(claims, PAINT_CHUNK, selectedId), selectedId } }),
  ]);
  const [editor, setEditor] = useState<Editor | null>(null);
  // The editor is built after the first paint (the server's HTML is on screen by then): a frame, then a task.
  const [mountEditor, setMountEditor] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setMountEditor(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  const onKeyDown = useCallback((event: KeyboardEvent) => keyHandler.current(event), []);
  const onSelectionUpdate = useCallback((ed: Editor) => {
    const { from, to, empty } = ed.state.selection;
    const map = claimHighlightsKey.getState(ed.state)?.map;
    if (empty || !map) return setPending(null);
    const range = map.positionsToRange(from, to);
    setPending(range.end > range.start ? { ...range, exact: map.text.slice(range.start, range.end) } : null);
  }, []);

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

  usePaintHighlights(editor, { claims, selectedId, suggestions: suggestions.items, activeSuggestion });

  useEffect(() => {
    // The linked claim is in view from the first paint, and again once the editor has replaced the server's HTML.
    if (initialSelectedId == null) return;
    if (!editor) return void document.querySelector(`#article-text [data-claim-ids~="${initialSelectedId}"]`)?.scrollIntoView({ block: 'center' });
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
        {mountEditor && (
          <ArticleEditor extensions={extensions} doc={doc} onKeyDown={onKeyDown} onSelectionUpdate={onSelectionUpdate} onReady={setEditor} />
        )}
        {!editor && (
          // The server's HTML of the same text and highlights (same ids and classes), until the editor replaces it.
          <div id="article-text" className="article-body article-static" dangerouslySetInnerHTML={{ __html: staticHtml }} />
        )}
        {!editor && !staticComplete && <p className="article-loading muted">Loading the rest of the article…</p>}
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
          checkedBefore={checkedBefore?.sentences ?? null}
        />
        <CheckedBeforePanel pass={checkedBefore} />
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

function sortClaims(list: ListedClaim[]): ListedClaim[] {
  return [...list].sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id);
}
