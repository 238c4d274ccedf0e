import { Extension } from '@tiptap/core';
import { Plugin } from '@tiptap/pm/state';

/**
 * Keeps the article text immutable while leaving the view focusable, so readers can select
 * with the keyboard (shift+arrows) as well as the mouse: any transaction that would change the document is dropped.
 */
export const ReadOnlyText = Extension.create({
  name: 'readOnlyText',
  addProseMirrorPlugins() {
    return [new Plugin({ filterTransaction: (tr) => !tr.docChanged })];
  },
});
