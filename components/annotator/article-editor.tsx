'use client';

import { useLayoutEffect } from 'react';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import type { Extensions, JSONContent } from '@tiptap/core';

type Props = {
  extensions: Extensions;
  doc: JSONContent;
  /** The text's key handler; returns true when it used the key. */
  onKeyDown: (event: KeyboardEvent) => boolean;
  onSelectionUpdate: (editor: Editor) => void;
  /** Called with the editor once its view is in the page (and with null when it goes). */
  onReady: (editor: Editor | null) => void;
};

/**
 * The read-only tiptap view of the article. The annotator mounts it only after the page's first paint, which shows
 * the server's HTML of the same text and highlights (static-article.ts), so building the view and its decorations
 * no longer delays the first highlighted paint. Created in this component's first render: it is never server-rendered.
 */
export function ArticleEditor({ extensions, doc, onKeyDown, onSelectionUpdate, onReady }: Props) {
  const editor = useEditor({
    extensions,
    content: doc,
    immediatelyRender: true,
    editorProps: {
      attributes: { id: 'article-text', class: 'article-body', 'aria-readonly': 'true', 'aria-label': 'Article text' },
      handleKeyDown: (_view, event) => onKeyDown(event),
    },
    onSelectionUpdate: ({ editor: ed }) => onSelectionUpdate(ed),
  });
  // Before paint: the server's HTML gives way to the editor in the same frame, so nothing flickers or moves.
  useLayoutEffect(() => {
    onReady(editor);
    return () => onReady(null);
  }, [editor, onReady]);
  return <EditorContent editor={editor} />;
}
