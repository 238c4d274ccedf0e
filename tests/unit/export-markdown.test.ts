import fs from 'node:fs';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { markdownToPlainText, safeHref } from '@/lib/markdown/markdown';
import { MarkdownText } from '@/components/ui/markdown-text';

const PAYLOADS: string[] = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/xss-payloads.json'), 'utf8'));
const html = (text: string) => renderToStaticMarkup(createElement(MarkdownText, { text }));

describe('MarkdownText', () => {
  it('renders bold, italic, paragraphs and line breaks', () => {
    expect(html('The **ministry** said *38,500*.\nSecond line\n\nNew paragraph')).toBe(
      '<div class="markdown-text"><p>The <strong>ministry</strong> said <em>38,500</em>.<br/>Second line</p><p>New paragraph</p></div>',
    );
  });

  it('renders http(s) links, written or bare, with rel="noopener nofollow ugc" in a new tab', () => {
    expect(html('[ONS](https://ons.gov.uk/a?b=1&c=2) and https://x.example/y')).toBe(
      '<div class="markdown-text"><p><a href="https://ons.gov.uk/a?b=1&amp;c=2" target="_blank" rel="noopener nofollow ugc">ONS</a> and ' +
        '<a href="https://x.example/y" target="_blank" rel="noopener nofollow ugc">https://x.example/y</a></p></div>',
    );
  });

  it('renders lists and quotes', () => {
    expect(html('- one\n- **two**\n\n> quoted')).toBe(
      '<div class="markdown-text"><ul><li>one</li><li><strong>two</strong></li></ul><blockquote><p>quoted</p></blockquote></div>',
    );
  });

  it('shows a muted placeholder for an empty rationale', () => {
    expect(html('  \n')).toBe('<p class="muted">No rationale yet.</p>');
  });

  it('shows raw HTML as literal text', () => {
    expect(html('<b>x</b> <script>alert(1)</script>')).toBe(
      '<div class="markdown-text"><p>&lt;b&gt;x&lt;/b&gt; &lt;script&gt;alert(1)&lt;/script&gt;</p></div>',
    );
  });

  it('drops the link of javascript:, data: and relative targets but keeps the words', () => {
    expect(html('[click](javascript:alert(1)) [d](data:text/html,x) [r](/admin)')).toBe('<div class="markdown-text"><p>click d r</p></div>');
  });

  it.each(PAYLOADS)('renders the hostile input %j without any tag, handler or script URL', (payload) => {
    const out = html(payload);
    // React escapes text, so every "<" left in the output opens a real element: check those elements and their attributes.
    const elements = [...out.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)];
    const tags = elements.map((m) => m[1].toLowerCase());
    expect(
      tags.filter((t) => !['div', 'p', 'span', 'strong', 'em', 'del', 'code', 'pre', 'br', 'a', 'ul', 'ol', 'li', 'blockquote', 'hr'].includes(t)),
    ).toEqual([]);
    const attributes = elements.flatMap((m) => [...m[2].matchAll(/([^\s=/]+)="[^"]*"/g)].map((a) => a[1]));
    expect(attributes.filter((a) => !['href', 'target', 'rel', 'class', 'start'].includes(a))).toEqual([]);
    for (const [, href] of out.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^(https?:\/\/|mailto:)/);
  });
});

describe('safeHref', () => {
  it.each([
    ['https://a.example/x', 'https://a.example/x'],
    ['mailto:desk@example.org', 'mailto:desk@example.org'],
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    ['//evil.example', null],
    ['/relative', null],
    ['data:text/html,x', null],
  ])('%j -> %j', (href, expected) => {
    expect(safeHref(href)).toBe(expected);
  });
});

describe('markdownToPlainText', () => {
  it('drops emphasis markers, writes links as "label (url)" and keeps paragraphs and list items', () => {
    expect(markdownToPlainText('The **ministry** said *38,500*, see [ONS](https://ons.gov.uk/x).\n\n- one\n- two\n\n1. a\n2. b')).toBe(
      'The ministry said 38,500, see ONS (https://ons.gov.uk/x).\n\n- one\n- two\n\n1. a\n2. b',
    );
  });

  it('writes a bare URL once and a script link as its words only', () => {
    expect(markdownToPlainText('https://x.example/y and [click](javascript:alert(1))')).toBe('https://x.example/y and click');
  });

  it('keeps raw HTML as the literal characters typed (plain text is data, not markup)', () => {
    expect(markdownToPlainText('a <b>b</b>')).toBe('a <b>b</b>');
  });
});
