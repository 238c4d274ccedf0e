import { getSchema, type Extensions } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { StarterKit } from '@tiptap/starter-kit';

/** Link schemes an article may keep; everything else (javascript:, data:, relative URLs) loses its link. */
const ALLOWED_LINK_SCHEME = /^(?:https?:|mailto:)/i;

/**
 * True when `url` is an absolute http(s) or mailto URL. Shared by the link mark and the HTML
 * sanitizer so both layers agree on what survives.
 */
export function isAllowedLinkUrl(url: string | null | undefined): boolean {
  // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:"),
  // so compare against the URL with those removed rather than the raw attribute.
  return typeof url === 'string' && ALLOWED_LINK_SCHEME.test(url.replace(/[\u0000-\u0020\u007f]/g, ''));
}

/**
 * The one tiptap extension list for articles: the server builds stored documents with it and the
 * browser read view renders them with it, so both sides share one schema. Browser-safe (no node-only
 * imports). Editing-only extensions (history, cursors, trailing node, list keymap) are off because
 * articles are read-only once imported; marks outside the import allowlist (strike, underline) are
 * off so the schema cannot hold what the sanitizer would have removed.
 */
export const articleExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [1, 2, 3, 4] },
    link: {
      openOnClick: false,
      autolink: false,
      linkOnPaste: false,
      defaultProtocol: 'https',
      isAllowedUri: (url) => isAllowedLinkUrl(url),
      HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: '_blank' },
    },
    undoRedo: false,
    codeBlock: false,
    strike: false,
    underline: false,
    dropcursor: false,
    gapcursor: false,
    trailingNode: false,
    listKeymap: false,
  }),
];

let articleSchema: Schema | undefined;

/** The ProseMirror schema built from `articleExtensions`, created once and reused. */
export function getArticleSchema(): Schema {
  articleSchema ??= getSchema(articleExtensions);
  return articleSchema;
}
