'use client';

import { useCallback, useEffect, useState } from 'react';
import { EditorContent, useEditor } from '@tiptap/react';
import type { JSONContent } from '@tiptap/core';
import { articleExtensions } from '@/lib/articles/editor-schema';
import { ClaimHighlights, claimHighlightsKey, offsetAtCoords } from './claim-highlights';
import { ReadOnlyText } from './read-only';
import { claimAtOffset } from './segments';
import { ClaimPanel } from './claim-panel';
import { NewClaimForm, type PendingSelection } from './new-claim-form';
import type { ClaimDto } from './types';

type Props = { articleId: number; doc: JSONContent; text: string; initialClaims: ClaimDto[]; actor: { id: number; role: string } };

const EXTENSIONS = [...articleExtensions, ReadOnlyText, ClaimHighlights];

/** The annotate view: the article in a read-only tiptap view with claim highlights, and the claim side panel. */
export function Annotator({ articleId, doc, text, initialClaims, actor }: Props) {
  const [claims, setClaims] = useState<ClaimDto[]>(() => sortClaims(initialClaims));
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [pending, setPending] = useState<PendingSelection | null>(null);
  const editor = useEditor({
    extensions: EXTENSIONS,
    content: doc,
    immediatelyRender: false,
    editorProps: { attributes: { class: 'article-body', 'aria-readonly': 'true', 'aria-label': 'Article text' } },
    onSelectionUpdate: ({ editor: ed }) => {
      const { from, to, empty } = ed.state.selection;
      const map = claimHighlightsKey.getState(ed.state)?.map;
      if (empty || !map) return setPending(null);
      const range = map.positionsToRange(from, to);
      setPending(range.end > range.start ? { ...range, exact: text.slice(range.start, range.end) } : null);
    },
  });

  useEffect(() => {
    if (!editor) return;
    const highlight = claims.map((c) => ({ id: c.id, start: c.start, end: c.end, status: c.status, type: c.type, color: c.verdictColor }));
    editor.view.dispatch(editor.state.tr.setMeta(claimHighlightsKey, { claims: highlight, selectedId }));
  }, [editor, claims, selectedId]);

  const selectAtPoint = (event: React.MouseEvent) => {
    // A drag that made a text selection is for creating a claim, not for picking one.
    if (!editor || !window.getSelection()?.isCollapsed) return;
    const offset = offsetAtCoords(editor.view, event.clientX, event.clientY);
    const id = offset == null ? null : claimAtOffset(claims, offset, selectedId);
    if (id != null) setSelectedId(id);
  };

  const selectFromPanel = useCallback(
    (id: number) => {
      setSelectedId(id);
      const el = editor?.view.dom.querySelector(`[data-claim-ids~="${id}"]`);
      el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    },
    [editor],
  );

  const upsert = useCallback((claim: ClaimDto) => {
    setClaims((list) => sortClaims([...list.filter((c) => c.id !== claim.id), claim]));
  }, []);

  return (
    <div className="annotate">
      <article className="article-pane" data-testid="article" onClick={selectAtPoint}>
        {editor ? <EditorContent editor={editor} /> : <div className="article-body muted">Loading article…</div>}
      </article>
      <aside className="side-panel" aria-label="Claims">
        <NewClaimForm
          articleId={articleId}
          pending={pending}
          onCreated={(claim) => {
            upsert(claim);
            setSelectedId(claim.id);
            setPending(null);
          }}
        />
        <ClaimPanel
          claims={claims}
          selectedId={selectedId}
          actor={actor}
          onSelect={selectFromPanel}
          onChanged={upsert}
          onDeleted={(id) => {
            setClaims((list) => list.filter((c) => c.id !== id));
            setSelectedId(null);
          }}
        />
      </aside>
    </div>
  );
}

function sortClaims(list: ClaimDto[]): ClaimDto[] {
  return [...list].sort((a, b) => a.start - b.start || a.end - b.end || a.id - b.id);
}
