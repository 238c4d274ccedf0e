import type { JSONContent } from '@tiptap/core';
import { generateJSON } from '@tiptap/html/server';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { docText, jsonToDoc } from '@/lib/anchoring/text-map';
import { articleExtensions, getArticleSchema, isAllowedLinkUrl } from '@/lib/articles/editor-schema';
import { htmlStructureProblem, markdownStructureProblem } from '@/lib/articles/check-structure';

/** Import formats an article can arrive in. */
export type ArticleFormat = 'text' | 'html' | 'markdown';

/** Raised when imported content cannot become an article; `field` names the offending input field. */
export class ConversionError extends Error {
  readonly field: 'content' | 'format';
  constructor(field: 'content' | 'format', message: string) {
    super(message);
    this.name = 'ConversionError';
    this.field = field;
  }
}

export interface ConvertedArticle {
  title: string | null;
  /** YYYY-MM-DD when the content states it (scraped text header), else null. */
  publishedAt: string | null;
  doc: JSONContent;
  /** body_text: `docText` of `doc`, the text every claim offset refers to. */
  text: string;
}

/** Scraped first line: " date 2021-12-19 Headline words 1:55" (the trailing video duration is optional). */
const SCRAPED_HEADER = /^\s*date\s+(\d{4}-\d{2}-\d{2})\s+(.+?)(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$/i;
/** A first line at least this long is body text, not a headline. */
const MAX_TITLE_LINE = 200;
const TITLE_TAG = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i;
/** Containers we do not keep but whose text must not run into its neighbour's ("a</div><div>b" is not "ab"). */
const BLOCK_CONTAINERS = [
  'div',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'figcaption',
  'pre',
  'td',
  'th',
  'dt',
  'dd',
  'caption',
  'address',
];

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'h1', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'blockquote', 'a', 'strong', 'b', 'em', 'i', 'br', 'code'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Dropped tags keep their text by default; these hold code, markup or chrome, never article text.
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'select',
    'noscript',
    'title',
    'iframe',
    'svg',
    'math',
    'object',
    'embed',
    'template',
    'canvas',
    'video',
    'audio',
  ],
  transformTags: {
    h5: 'h4',
    h6: 'h4',
    ...Object.fromEntries(BLOCK_CONTAINERS.map((tag) => [tag, 'p'])),
    // Relative links point nowhere once the article leaves its site, so they lose the link, keep the text.
    a: (tagName, attribs) => {
      const kept: sanitizeHtml.Attributes = isAllowedLinkUrl(attribs.href) ? { href: attribs.href } : {};
      return { tagName, attribs: kept };
    },
  },
};

const cleanTitle = (title: string | null | undefined): string | null => title?.replace(/\s+/g, ' ').trim() || null;

function isCalendarDate(iso: string): boolean {
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso);
}

/** Plain text: one paragraph per non-blank line, since scraped text rarely has blank lines between paragraphs. */
function fromText(content: string, givenTitle: string | null) {
  const lines = content.split('\n').map((line) => line.replace(/[ \t]+/g, ' ').replace(/^ | $/g, ''));
  const first = lines.findIndex((line) => line.length > 0);
  let title: string | null = null;
  let publishedAt: string | null = null;
  if (first >= 0) {
    const header = SCRAPED_HEADER.exec(lines[first]);
    const hasMore = lines.slice(first + 1).some((line) => line.length > 0);
    if (header && isCalendarDate(header[1])) {
      [, publishedAt, title] = header;
      lines[first] = '';
    } else if (!givenTitle && lines[first].length < MAX_TITLE_LINE) {
      title = lines[first];
      // A one-line article keeps its line as body too, so it still has text to annotate.
      if (hasMore) lines[first] = '';
    }
  }
  const paragraphs = lines.filter((line) => line.length > 0);
  const doc: JSONContent = {
    type: 'doc',
    content: paragraphs.map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })),
  };
  return { title, publishedAt, doc };
}

function decodeSanitizedText(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** Throws ConversionError naming the limit when `problem` (from check-structure) is set. */
function refuse(problem: string | null): void {
  if (problem) throw new ConversionError('content', problem);
}

function fromHtml(html: string, titleFrom: 'title-or-h1' | 'h1') {
  // Checked before sanitize-html and the DOM parse, which crawl (and overflow the stack) on hostile nesting.
  refuse(htmlStructureProblem(html));
  const doc = generateJSON(sanitizeHtml(html, SANITIZE_OPTIONS), articleExtensions) as JSONContent;
  const titleTag = titleFrom === 'title-or-h1' ? TITLE_TAG.exec(html)?.[1] : undefined;
  const title = titleTag ? decodeSanitizedText(sanitizeHtml(titleTag, { allowedTags: [], allowedAttributes: {} })) : null;
  return { title: cleanTitle(title), publishedAt: null, doc };
}

function firstH1(doc: ProseMirrorNode): string | null {
  let found: string | null = null;
  doc.descendants((node) => {
    if (found !== null) return false;
    if (node.type.name === 'heading' && node.attrs.level === 1) found = node.textBetween(0, node.content.size, ' ', ' ');
    return !node.isTextblock;
  });
  return cleanTitle(found);
}

// PM's parser collapses only ASCII whitespace, so NBSP and other Unicode spaces are content and stay.
const LEADING_SPACE = /^[ \t\r\n]+/;
const TRAILING_SPACE = /[ \t\r\n]+$/;

/** Drops edge whitespace and hard breaks of a textblock; null when no visible text is left. */
function trimTextblock(node: JSONContent): JSONContent | null {
  const content = (node.content ?? []).map((child) => ({ ...child }));
  const isBlank = (child: JSONContent) =>
    child.type === 'hardBreak' || (child.type === 'text' && (child.text ?? '').replace(LEADING_SPACE, '') === '');
  while (content.length > 0 && isBlank(content[0])) content.shift();
  while (content.length > 0 && isBlank(content[content.length - 1])) content.pop();
  if (!content.some((child) => child.type === 'text' && /\S/.test(child.text ?? ''))) return null;
  const first = content[0];
  const last = content[content.length - 1];
  if (first.type === 'text') first.text = first.text?.replace(LEADING_SPACE, '');
  if (last.type === 'text') last.text = last.text?.replace(TRAILING_SPACE, '');
  return { ...node, content };
}

/** Removes blocks without text (left behind by <p><br></p>, nested <div>s, empty list items). */
function pruneEmpty(node: JSONContent): JSONContent | null {
  const type = node.type ? getArticleSchema().nodes[node.type] : undefined;
  if (!type || type.isLeaf || type.isInline) return node; // unknown types fail later in jsonToDoc
  if (type.isTextblock) return trimTextblock(node);
  const content = (node.content ?? []).map(pruneEmpty).filter((child): child is JSONContent => child !== null);
  if (content.length === 0) return null;
  // A list item must open with a paragraph; an empty one is harmless because it adds no text.
  if (node.type === 'listItem' && content[0].type !== 'paragraph') content.unshift({ type: 'paragraph' });
  return { ...node, content };
}

/** Strips a byte-order mark and turns CRLF / CR line endings into LF. */
const normaliseNewlines = (content: string) => content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');

/**
 * Converts imported text, HTML or Markdown into the stored article: a sanitized tiptap document in the
 * article schema, its body_text, and the title/date found in the content (an explicit `title` wins).
 * HTML and Markdown pass the same allowlist sanitizer. Throws ConversionError when no text remains or the
 * structure breaks a limit of lib/articles/limits.ts (checked before parsing). CPU-heavy: servers run it in a worker.
 */
export function convertArticle(input: { format: ArticleFormat; content: string; title?: string | null }): ConvertedArticle {
  const content = normaliseNewlines(input.content);
  const givenTitle = cleanTitle(input.title);
  let parsed: { title: string | null; publishedAt: string | null; doc: JSONContent };
  if (input.format === 'text') parsed = fromText(content, givenTitle);
  else if (input.format === 'html') parsed = fromHtml(content, 'title-or-h1');
  // Markdown's raw HTML is not trusted either: it goes through the same sanitizer as HTML imports.
  else if (input.format === 'markdown') {
    refuse(markdownStructureProblem(content));
    parsed = fromHtml(marked.parse(content, { async: false, gfm: true }), 'h1');
  } else throw new ConversionError('format', `Unknown format: ${String(input.format)}`);

  const pruned = pruneEmpty(parsed.doc);
  if (!pruned) throw new ConversionError('content', 'The article has no text');
  const doc = jsonToDoc(pruned);
  const text = docText(doc);
  if (text.trim().length === 0) throw new ConversionError('content', 'The article has no text');
  return {
    title: givenTitle ?? parsed.title ?? (input.format === 'text' ? null : firstH1(doc)),
    publishedAt: parsed.publishedAt,
    doc: doc.toJSON() as JSONContent,
    text,
  };
}
