import type { JSONContent } from '@tiptap/core';
import type { DOMOutputSpec, Mark, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { getArticleSchema } from '@/lib/articles/editor-schema';
import { buildTextMap } from '@/lib/anchoring/text-map';
import { highlightMarks, type HighlightState } from './highlight-marks';

/** Options of renderArticleHtml. */
export type StaticArticleOptions = {
  /**
   * Render only the first blocks, up to about this many characters of text (whole blocks; the first screen needs a
   * few thousand). The editor draws the rest when it mounts; a highlight crossing the cut is drawn up to it.
   */
  maxChars?: number;
};

/**
 * The article as HTML with its claim highlights, for the page's first paint (the server sends it; the editor
 * replaces it once it has mounted, see annotator.tsx). Elements come from the schema's own toDOM specs and the marks
 * from highlightMarks, wrapped around text the way ProseMirror draws inline decorations (inside the text's
 * bold/italic/link elements), so the swap to the editor changes no layout. Pure: no DOM needed, runs on the server.
 * `complete` is false when maxChars cut the text short.
 */
export function renderArticleHtml(
  docJson: JSONContent,
  state: HighlightState,
  options: StaticArticleOptions = {},
): { html: string; complete: boolean } {
  const { json, complete } = firstBlocks(docJson, options.maxChars ?? Infinity);
  const doc = getArticleSchema().nodeFromJSON(json);
  const map = buildTextMap(doc);
  const length = map.text.length;
  // The text before the cut is body_text's own beginning, so the claims' offsets hold; those past it wait for the editor.
  const claims = complete ? state.claims : state.claims.filter((c) => c.start < length).map((c) => (c.end > length ? { ...c, end: length } : c));
  // Claim segments never overlap one another (splitSegments), so one sorted list of position ranges is enough.
  const ranges = highlightMarks({ ...state, claims })
    .filter((m) => m.end <= length)
    .map((m) => ({ ...map.rangeToPositions(m.start, m.end), attrs: m.attrs }))
    .filter((r) => r.to > r.from)
    .sort((a, b) => a.from - b.from);
  const out: string[] = [];
  let next = 0; // first range that may still cover text at or after the current position

  const text = (node: ProseMirrorNode, pos: number) => {
    const value = node.text ?? '';
    const end = pos + value.length;
    while (next < ranges.length && ranges[next].to <= pos) next++;
    let at = pos;
    for (let i = next; i < ranges.length && ranges[i].from < end; i++) {
      const r = ranges[i];
      if (r.from > at) out.push(escapeText(value.slice(at - pos, r.from - pos)));
      const from = Math.max(at, r.from);
      const to = Math.min(end, r.to);
      const { nodeName = 'span', ...attrs } = r.attrs;
      out.push(`<${nodeName}${attributes(attrs)}>${escapeText(value.slice(from - pos, to - pos))}</${nodeName}>`);
      at = to;
    }
    if (at < end) out.push(escapeText(value.slice(at - pos)));
  };

  const node = (n: ProseMirrorNode, pos: number) => {
    if (n.isText) return text(n, pos);
    const [open, close] = render(n.type.spec.toDOM!(n));
    if (n.isLeaf && n.isInline) {
      // A line break inside a highlight is wrapped in the highlight's element too, as the editor does.
      while (next < ranges.length && ranges[next].to <= pos) next++;
      const r = next < ranges.length && ranges[next].from <= pos ? ranges[next] : null;
      if (!r) return void out.push(open + close);
      const { nodeName = 'span', ...attrs } = r.attrs;
      return void out.push(`<${nodeName}${attributes(attrs)}>${open}${close}</${nodeName}>`);
    }
    out.push(open);
    if (n.isTextblock) inline(n, pos + 1);
    else n.forEach((child, offset) => node(child, pos + 1 + offset));
    out.push(close);
  };

  // Inline content with marks kept open across neighbours that share them, like ProseMirror's own serialiser.
  const inline = (block: ProseMirrorNode, start: number) => {
    const open: { mark: Mark; close: string }[] = [];
    block.forEach((child, offset) => {
      let keep = 0;
      while (keep < open.length && keep < child.marks.length && open[keep].mark.eq(child.marks[keep])) keep++;
      while (open.length > keep) out.push(open.pop()!.close);
      for (const mark of child.marks.slice(keep)) {
        const [o, c] = render(mark.type.spec.toDOM!(mark, true));
        out.push(o);
        open.push({ mark, close: c });
      }
      node(child, start + offset);
    });
    while (open.length) out.push(open.pop()!.close);
    // ProseMirror keeps an empty line (or one after a final line break) its height with a trailing <br>.
    if (block.childCount === 0 || block.lastChild?.type.name === 'hardBreak') out.push('<br class="ProseMirror-trailingBreak">');
  };

  doc.forEach((child, offset) => node(child, offset));
  return { html: out.join(''), complete };
}

/** The document's first top-level blocks holding about `maxChars` characters of text (all of it when it is shorter). */
function firstBlocks(doc: JSONContent, maxChars: number): { json: JSONContent; complete: boolean } {
  const blocks = doc.content ?? [];
  if (!Number.isFinite(maxChars)) return { json: doc, complete: true };
  let chars = 0;
  for (let i = 0; i < blocks.length; i++) {
    chars += textLength(blocks[i]);
    if (chars >= maxChars && i + 1 < blocks.length) return { json: { ...doc, content: blocks.slice(0, i + 1) }, complete: false };
  }
  return { json: doc, complete: true };
}

const textLength = (node: JSONContent): number => (node.text?.length ?? 0) + (node.content ?? []).reduce((n, c) => n + textLength(c), 0);

const VOID = new Set(['br', 'hr', 'img', 'wbr']);

/** Opening and closing HTML of a toDOM spec; the content goes between them (where the spec has its 0 hole, if any). */
function render(spec: DOMOutputSpec): [string, string] {
  const { before, after } = renderSpec(spec);
  return [before, after];
}

function renderSpec(spec: DOMOutputSpec): { before: string; after: string; hole: boolean } {
  if (typeof spec === 'string') return { before: escapeText(spec), after: '', hole: false };
  if (!Array.isArray(spec)) throw new Error('static article: toDOM returned a DOM node');
  const [tagName, ...rest] = spec as [string, ...unknown[]];
  const tag = tagName.includes(' ') ? tagName.slice(tagName.indexOf(' ') + 1) : tagName;
  const first = rest[0];
  const hasAttrs = first != null && typeof first === 'object' && !Array.isArray(first);
  const open = `<${tag}${hasAttrs ? attributes(first as Record<string, unknown>) : ''}>`;
  if (VOID.has(tag)) return { before: open, after: '', hole: false };
  let before = open;
  let after = '';
  let hole = false;
  for (const child of hasAttrs ? rest.slice(1) : rest) {
    const part = child === 0 ? { before: '', after: '', hole: true } : renderSpec(child as DOMOutputSpec);
    if (hole) after += part.before + part.after;
    else {
      before += part.before;
      after += part.after;
      hole = part.hole;
    }
  }
  return { before, after: `${after}</${tag}>`, hole };
}

function attributes(attrs: Record<string, unknown>): string {
  let s = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    s += ` ${name}="${escapeAttr(String(value))}"`;
  }
  return s;
}

const escapeText = (s: string) => s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
const escapeAttr = (s: string) => s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
