import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { docText, jsonToDoc } from '@/lib/anchoring/text-map';
import { ConversionError, convertArticle } from '@/lib/articles/convert';

const scraped = readFileSync(path.join(__dirname, '../fixtures/scraped-troops.txt'), 'utf8');

/** Every node and mark type used anywhere in a document. */
function typesIn(node: JSONContent, found = new Set<string>()): Set<string> {
  if (node.type) found.add(node.type);
  node.marks?.forEach((mark) => found.add(`mark:${mark.type}`));
  node.content?.forEach((child) => typesIn(child, found));
  return found;
}

const paragraphs = (text: string) => text.split('\n\n');

describe('convertArticle: scraped text', () => {
  const article = convertArticle({ format: 'text', content: scraped });

  it('reads the date and headline from the scraped header line and drops it from the body', () => {
    expect(article.publishedAt).toBe('2021-12-19');
    expect(article.title).toBe('Valmora moves 40,000 troops toward northern border, officials say');
    expect(article.text).not.toContain('date 2021-12-19');
    expect(article.text).not.toContain('1:55');
  });

  it('makes one paragraph per line, with or without blank lines between them', () => {
    const lines = scraped
      .split('\n')
      .slice(1)
      .filter((line) => line.trim() !== '');
    expect(paragraphs(article.text)).toEqual(lines);
    expect(article.doc.content?.every((block) => block.type === 'paragraph')).toBe(true);
    expect(article.doc.content).toHaveLength(lines.length);
  });

  it('keeps curly quotes, dashes and figures exactly as written', () => {
    expect(article.text).toContain('“We are watching this very closely,” Deputy Defence Minister Aniela Brisk');
    expect(article.text).toContain('that’s not a training exercise.”');
    expect(article.text).toContain('NORTHPORT, Valmora — Valmora has moved roughly 40,000 troops');
    expect(article.text).toContain('about $4 million a day, or more than 2%');
  });

  it('derives text from the stored document, so offsets agree with the editor', () => {
    expect(docText(jsonToDoc(article.doc))).toBe(article.text);
  });

  it('treats CRLF, a byte-order mark and runs of spaces like the plain file', () => {
    const messy = `\uFEFF${scraped.replace(/\n/g, '\r\n').replace('roughly 40,000', 'roughly \t  40,000')}`;
    expect(convertArticle({ format: 'text', content: messy })).toEqual(article);
  });

  it('lets an explicit title win but still reads the date', () => {
    const titled = convertArticle({ format: 'text', content: scraped, title: '  Border build-up ' });
    expect(titled.title).toBe('Border build-up');
    expect(titled.publishedAt).toBe('2021-12-19');
    expect(titled.text).toBe(article.text);
  });
});

describe('convertArticle: plain text without a header', () => {
  it.each([
    [
      'uses a short first line as the title and starts the body after it',
      'Short headline\nFirst paragraph.\n\nSecond one.',
      null,
      'Short headline',
      ['First paragraph.', 'Second one.'],
    ],
    ['keeps the first line in the body when a title is given', 'Opening line.\nNext line.', 'Given', 'Given', ['Opening line.', 'Next line.']],
    ['keeps a long first line as body text and has no title', `${'word '.repeat(60)}\nMore.`, null, null, ['word '.repeat(60).trim(), 'More.']],
    ['keeps a one-line article as body and title', 'Only line.', null, 'Only line.', ['Only line.']],
    ['ignores a header with an impossible date', ' date 2021-02-30 Headline 1:55\nBody.', null, 'date 2021-02-30 Headline 1:55', ['Body.']],
  ])('%s', (_name, content, title, expectedTitle, expectedParagraphs) => {
    const article = convertArticle({ format: 'text', content, title });
    expect(article.title).toBe(expectedTitle);
    expect(paragraphs(article.text)).toEqual(expectedParagraphs);
    expect(article.publishedAt).toBeNull();
  });
});

describe('convertArticle: HTML', () => {
  const hostile = `
    <html><head><title>Troops &amp; tanks | The Daily</title><style>p { color: red }</style></head>
    <body onload="alert(1)">
      <script>alert('x')</script>
      <h1 onclick="steal()">Build-up at the border</h1>
      <p>Officials said <strong>40,000</strong> troops <em>moved</em>.<img src="x" onerror="alert(2)"></p>
      <p><a href="javascript:alert(3)">click</a> <a href="JaVa&#x09;ScRiPt:alert(4)">again</a>
         <a href="data:text/html;base64,PHNjcmlwdD4=">data</a> <a href="/relative">relative</a>
         <a href="https://example.org/report" onmouseover="x()" style="color:red">report</a></p>
      <svg onload="alert(5)"><text>svg text</text></svg>
      <iframe src="https://evil.example"></iframe>
      <object data="data:text/html,evil">object text</object>
      <img src="data:image/png;base64,AAAA">
    </body></html>`;
  const article = convertArticle({ format: 'html', content: hostile });
  const json = JSON.stringify(article.doc);

  it.each([
    ['script text', /alert|steal|svg text|object text|color/],
    ['event handlers', /onload|onerror|onclick|onmouseover/i],
    ['javascript: URLs', /javascript/i],
    ['data: URLs', /data:/i],
    ['relative links', /\/relative"/],
    ['style or iframe content', /evil|iframe|style/i],
  ])('lets no %s survive into the document', (_name, pattern) => {
    expect(json).not.toMatch(pattern);
    expect(article.text).not.toMatch(pattern);
  });

  it('keeps the text of removed links and only the allowed link', () => {
    expect(article.text).toContain('click again data relative report');
    const links = json.match(/"href":"[^"]*"/g);
    expect(links).toEqual(['"href":"https://example.org/report"']);
  });

  it('takes the title from <title>, entities decoded', () => {
    expect(article.title).toBe('Troops & tanks | The Daily');
  });

  it('keeps headings, emphasis and links with safe link attributes', () => {
    expect(article.doc.content?.[0]).toMatchObject({ type: 'heading', attrs: { level: 1 } });
    expect(typesIn(article.doc)).toEqual(new Set(['doc', 'heading', 'paragraph', 'text', 'mark:bold', 'mark:italic', 'mark:link']));
    expect(json).toContain('"rel":"noopener noreferrer nofollow"');
    expect(json).toContain('"target":"_blank"');
  });

  it('keeps lists, blockquotes, code and line breaks, maps h5 to h4 and splits block containers', () => {
    const { doc, text, title } = convertArticle({
      format: 'html',
      content:
        '<h1>Main <br>headline</h1><h5>Minor</h5><ul><li>one</li><li>two<ol><li>nested</li></ol></li></ul>' +
        '<blockquote><p>“Quoted,” she said.</p></blockquote><p>line<br>break <code>x = 1</code></p>' +
        '<div>first div</div><div>second div</div><p><br></p><p>&nbsp;</p>',
    });
    expect(title).toBe('Main headline');
    expect(text).toBe('Main \nheadline\n\nMinor\n\none\n\ntwo\n\nnested\n\n“Quoted,” she said.\n\nline\nbreak x = 1\n\nfirst div\n\nsecond div');
    expect(doc.content?.[1]).toMatchObject({ type: 'heading', attrs: { level: 4 } });
    expect(typesIn(doc)).toEqual(
      new Set(['doc', 'heading', 'hardBreak', 'text', 'bulletList', 'listItem', 'paragraph', 'orderedList', 'blockquote', 'mark:code']),
    );
  });
});

describe('convertArticle: Markdown', () => {
  const markdown =
    '# Troop numbers\n\nOfficials said **40,000** troops *moved*.\n\n- one\n- two\n\n1. first\n\n> “Quoted,” she said.\n\n[report](https://example.org) and [bad](javascript:alert(1))\n\n<script>alert(1)</script><img src=x onerror=alert(2)>';
  const article = convertArticle({ format: 'markdown', content: markdown });

  it('turns headings, lists, quotes and emphasis into the article schema', () => {
    expect(article.title).toBe('Troop numbers');
    expect(paragraphs(article.text)).toEqual([
      'Troop numbers',
      'Officials said 40,000 troops moved.',
      'one',
      'two',
      'first',
      '“Quoted,” she said.',
      'report and bad',
    ]);
    expect(typesIn(article.doc)).toEqual(
      new Set([
        'doc',
        'heading',
        'paragraph',
        'text',
        'mark:bold',
        'mark:italic',
        'bulletList',
        'orderedList',
        'listItem',
        'blockquote',
        'mark:link',
      ]),
    );
  });

  it('sends raw HTML through the same sanitizer', () => {
    expect(JSON.stringify(article.doc)).not.toMatch(/script|onerror|javascript|alert/i);
  });
});

describe('convertArticle: empty content', () => {
  it.each([
    ['empty text', 'text', ''],
    ['only whitespace', 'text', ' \n\t\n\uFEFF'],
    ['HTML with only a script', 'html', '<script>alert(1)</script><p> </p><p><br></p>'],
    ['Markdown with only a rule', 'markdown', '---\n\n'],
  ] as const)('throws ConversionError on %s', (_name, format, content) => {
    const attempt = () => convertArticle({ format, content });
    expect(attempt).toThrow(ConversionError);
    expect(attempt).toThrow(expect.objectContaining({ field: 'content' }));
  });

  it('throws ConversionError naming the format for an unknown format', () => {
    expect(() => convertArticle({ format: 'pdf' as 'text', content: 'x' })).toThrow(expect.objectContaining({ field: 'format' }));
  });
});
