// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { Editor, type JSONContent } from '@tiptap/core';
import { articleExtensions } from '@/lib/articles/editor-schema';
import { buildTextMap } from '@/lib/anchoring/text-map';
import { ClaimHighlights } from '@/components/annotator/claim-highlights';
import type { HighlightClaim, HighlightState } from '@/components/annotator/highlight-marks';
import { renderArticleHtml } from '@/components/annotator/static-article';

const t = (text: string, marks?: JSONContent['marks']): JSONContent => ({ type: 'text', text, ...(marks ? { marks } : {}) });
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', ...(content.length ? { content } : {}) });

/** Headings, marks that nest and overlap, a link, a line break, quotes, lists, an empty paragraph and characters to escape. */
const DOC: JSONContent = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [t('Valmora & the <troops>')] },
    p(
      t('The ministry said '),
      t('40,000', [{ type: 'bold' }]),
      t(' troops '),
      t('crossed', [{ type: 'bold' }, { type: 'italic' }]),
      t(' on Tuesday.'),
    ),
    p(
      t('See '),
      t('the "report"', [{ type: 'link', attrs: { href: 'https://news.example/r?a=1&b=2' } }]),
      t(' for more.'),
      { type: 'hardBreak' },
      t('Second line.'),
    ),
    p(),
    { type: 'blockquote', content: [p(t('"We will not retreat," Brisk said.'))] },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [p(t('one item'))] },
        { type: 'listItem', content: [p(t('two items'))] },
      ],
    },
    p(t('Closing   words  with spaces.')),
  ],
};

/** The DOM under `root` as a comparable tree: attributes sorted, style declarations normalised. */
function shape(root: Element): unknown[] {
  return [...root.childNodes].map((n) => {
    if (n.nodeType === 3) return n.textContent;
    const el = n as Element;
    const attrs = [...el.attributes]
      .map((a) => [a.name, a.name === 'style' ? a.value.replace(/;\s*$/, '').trim() : a.value])
      .sort(([a], [b]) => a.localeCompare(b));
    return [el.tagName.toLowerCase(), attrs, shape(el)];
  });
}

const parsed = (html: string) => {
  const div = document.createElement('div');
  div.innerHTML = html;
  return shape(div);
};

function editorHtml(state: HighlightState): unknown[] {
  const editor = new Editor({ extensions: [...articleExtensions, ClaimHighlights.configure({ initial: state })], content: DOC });
  try {
    return shape(editor.view.dom);
  } finally {
    editor.destroy();
  }
}

function claimsOn(text: string, quotes: [string, Partial<HighlightClaim>?][]): HighlightClaim[] {
  return quotes.map(([quote, extra], i) => {
    const start = text.indexOf(quote);
    if (start < 0) throw new Error(`no ${quote}`);
    return { id: i + 1, start, end: start + quote.length, status: 'in_review', type: 'statistic', color: null, verdict: null, ...extra };
  });
}

describe('renderArticleHtml', () => {
  const editor = new Editor({ extensions: articleExtensions, content: DOC });
  const text = buildTextMap(editor.state.doc).text;
  editor.destroy();

  it('draws the same HTML as the editor without claims', () => {
    const state = { claims: [], selectedId: null };
    expect(parsed(renderArticleHtml(DOC, state).html)).toEqual(editorHtml(state));
  });

  it('draws the same marks as the editor: across bold and italic, a link, blocks and a line break, overlapping and adjacent', () => {
    const claims = claimsOn(text, [
      ['said 40,000 troops crossed on', { status: 'verified', verdict: 'Mostly "false" & <odd>', color: '#557a0b' }],
      ['troops crossed', { type: 'quote' }],
      ['the "report" for more.\nSecond', { status: 'draft' }],
      ['retreat," Brisk', {}],
      [' Brisk said.', {}],
      ['one item\n\ntwo', { type: 'event' }],
      ['Closing   words', {}],
    ]);
    const state = { claims, selectedId: 2 };
    const html = renderArticleHtml(DOC, state).html;
    expect(html).toContain('claim-overlap');
    expect(html).toContain('claim-selected');
    expect(parsed(html)).toEqual(editorHtml(state));
  });

  it('with maxChars, draws the first blocks as the editor does, a highlight crossing the cut up to it', () => {
    const claims = claimsOn(text, [
      ['said 40,000', {}],
      ['Tuesday.\n\nSee the', { status: 'verified' }],
      ['Second line', {}],
    ]);
    const cut = renderArticleHtml(DOC, { claims, selectedId: null }, { maxChars: 30 });
    expect(cut.complete).toBe(false);
    const full = editorHtml({
      claims: claims.map((c) => (c.id === 2 ? { ...c, end: text.indexOf('Tuesday.') + 'Tuesday.'.length } : c)),
      selectedId: null,
    });
    // The heading and the first paragraph, with claim 1 and the first part of claim 2; nothing of claim 3.
    expect(parsed(cut.html)).toEqual(full.slice(0, 2));
    expect(renderArticleHtml(DOC, { claims, selectedId: null }, { maxChars: 1e6 }).complete).toBe(true);
  });

  it('leaves out an anchor past the end of the text, as the editor does', () => {
    const state = { claims: [{ id: 9, start: text.length - 2, end: text.length + 5, status: 'draft', type: 'other' }], selectedId: null };
    expect(parsed(renderArticleHtml(DOC, state).html)).toEqual(editorHtml(state));
    expect(renderArticleHtml(DOC, state).html).not.toContain('claim-hl');
  });
});
