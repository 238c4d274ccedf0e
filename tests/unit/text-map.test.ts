import type { JSONContent } from '@tiptap/core';
import { Schema } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { BLOCK_SEPARATOR, buildTextMap, docText, jsonToDoc } from '@/lib/anchoring/text-map';

const text = (value: string, marks?: JSONContent['marks']): JSONContent => ({ type: 'text', text: value, ...(marks ? { marks } : {}) });
const para = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const item = (...content: JSONContent[]): JSONContent => ({ type: 'listItem', content });
const br: JSONContent = { type: 'hardBreak' };

/** Every block kind the article schema has, nested the way imports produce them. */
const richJson: JSONContent = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 1 }, content: [text('Troops mass')] },
    para(text('Officials said '), text('40,000', [{ type: 'bold' }]), text(' troops'), br, text('moved.')),
    { type: 'paragraph' },
    {
      type: 'bulletList',
      content: [item(para(text('first'))), item(para(text('second')), { type: 'orderedList', content: [item(para(text('nested')))] })],
    },
    { type: 'blockquote', content: [para(text('“Quoted,” she said.')), para(br, text('after break'))] },
    { type: 'horizontalRule' },
    para(text('See '), text('report', [{ type: 'link', attrs: { href: 'https://example.org' } }]), text(' and '), text('code', [{ type: 'code' }])),
  ],
};
const richBlocks = [
  'Troops mass',
  'Officials said 40,000 troops\nmoved.',
  'first',
  'second',
  'nested',
  '“Quoted,” she said.',
  '\nafter break',
  'See report and code',
];
const richText = richBlocks.join(BLOCK_SEPARATOR);

/** Offsets strictly inside a "\n\n" separator, computed from the block texts (they belong to no block). */
function separatorInteriors(blocks: string[]): Set<number> {
  const inside = new Set<number>();
  let offset = 0;
  for (const block of blocks.slice(0, -1)) {
    offset += block.length;
    inside.add(offset + 1);
    offset += BLOCK_SEPARATOR.length;
  }
  return inside;
}

describe('docText', () => {
  it.each([
    ['joins textblocks with a blank line and turns hard breaks into newlines', richJson, richText],
    ['skips empty paragraphs entirely', { type: 'doc', content: [{ type: 'paragraph' }, para(text('only')), { type: 'paragraph' }] }, 'only'],
    ['returns an empty string for a document without text', { type: 'doc', content: [{ type: 'paragraph' }] }, ''],
    ['keeps curly quotes and other unicode untouched', { type: 'doc', content: [para(text('“Ça va” — 5 km²'))] }, '“Ça va” — 5 km²'],
  ])('%s', (_name, json, expected) => {
    expect(docText(jsonToDoc(json))).toBe(expected);
  });
});

describe('buildTextMap', () => {
  const doc = jsonToDoc(richJson);
  const map = buildTextMap(doc);
  const inside = separatorInteriors(richBlocks);

  it('exposes the same text as docText', () => {
    expect(map.text).toBe(richText);
  });

  it('round-trips every offset outside separators through a position, with either association', () => {
    for (let o = 0; o <= richText.length; o++) {
      if (inside.has(o)) continue;
      expect(map.posToOffset(map.offsetToPos(o, -1)), `offset ${o} assoc -1`).toBe(o);
      expect(map.posToOffset(map.offsetToPos(o, 1)), `offset ${o} assoc 1`).toBe(o);
    }
  });

  it('maps each character to the document content it came from', () => {
    for (let o = 0; o < richText.length; o++) {
      if (inside.has(o) || inside.has(o + 1)) continue;
      const between = doc.textBetween(map.offsetToPos(o, 1), map.offsetToPos(o + 1, -1), '', '\n');
      expect(between, `offset ${o}`).toBe(richText[o]);
    }
  });

  it('maps the inside of a separator to the end of the previous block or the start of the next', () => {
    const endOfHeading = 'Troops mass'.length;
    expect(inside).toContain(endOfHeading + 1);
    expect(map.offsetToPos(endOfHeading + 1, -1)).toBe(map.offsetToPos(endOfHeading));
    expect(map.offsetToPos(endOfHeading + 1, 1)).toBe(map.offsetToPos(endOfHeading + 2));
    // The heading closes at its end and the paragraph opens two positions later.
    expect(map.offsetToPos(endOfHeading + 2) - map.offsetToPos(endOfHeading)).toBe(2);
  });

  it('snaps every structural position to a valid offset and keeps positions in order', () => {
    let previous = 0;
    for (let pos = 0; pos <= doc.content.size; pos++) {
      const offset = map.posToOffset(pos);
      expect(offset).toBeGreaterThanOrEqual(previous);
      expect(inside.has(offset), `position ${pos}`).toBe(false);
      previous = offset;
    }
    expect(map.posToOffset(0)).toBe(0);
    expect(map.posToOffset(doc.content.size)).toBe(richText.length);
  });

  it.each([
    ['a word', 'Officials'],
    ['a bold number with its unit', '40,000 troops'],
    ['text across a hard break', 'troops\nmoved'],
    ['text across blocks', 'first\n\nsecond'],
    ['a quote inside a blockquote', '“Quoted,”'],
    ['text inside a link mark', 'report and code'],
  ])('turns the range of %s into positions and back', (_name, quote) => {
    const start = richText.indexOf(quote);
    const { from, to } = map.rangeToPositions(start, start + quote.length);
    expect(doc.textBetween(from, to, BLOCK_SEPARATOR, '\n')).toBe(quote);
    expect(map.positionsToRange(from, to)).toEqual({ start, end: start + quote.length });
  });

  it('trims whitespace and block edges off a mouse selection, in either direction', () => {
    const start = richText.indexOf('first');
    // From the structural gap before the first list item to the gap after it.
    const from = map.offsetToPos(start, 1) - 3;
    const to = map.offsetToPos(start + 'first'.length, -1) + 1;
    expect(map.positionsToRange(from, to)).toEqual({ start, end: start + 'first'.length });
    const said = richText.indexOf('said ');
    const range = map.positionsToRange(map.offsetToPos(said + 5), map.offsetToPos(said));
    expect(richText.slice(range.start, range.end)).toBe('said');
  });

  it('returns a collapsed range for a selection that only covers whitespace', () => {
    const gap = map.offsetToPos('Troops mass'.length) + 1;
    const range = map.positionsToRange(gap, gap + 1);
    expect(range.end - range.start).toBe(0);
  });

  it.each([
    ['a negative offset', () => map.offsetToPos(-1)],
    ['an offset past the text', () => map.offsetToPos(richText.length + 1)],
    ['a fractional offset', () => map.offsetToPos(1.5)],
    ['a position past the document', () => map.posToOffset(doc.content.size + 1)],
    ['a reversed range', () => map.rangeToPositions(5, 4)],
  ])('rejects %s with a RangeError', (_name, call) => {
    expect(call).toThrow(RangeError);
  });

  it('puts offset 0 of a document without text inside its first paragraph', () => {
    const empty = buildTextMap(jsonToDoc({ type: 'doc', content: [{ type: 'paragraph' }] }));
    expect(empty.text).toBe('');
    expect(empty.offsetToPos(0)).toBe(1);
    expect(empty.positionsToRange(0, 2)).toEqual({ start: 0, end: 0 });
  });

  it('stays exact on a 20k-word article', () => {
    const words = (i: number) => Array.from({ length: 50 }, (_, j) => `w${i}.${j}`).join(' ');
    const paragraphs = Array.from({ length: 400 }, (_, i) => para(text(words(i)), br, text('tail')));
    const big = jsonToDoc({ type: 'doc', content: paragraphs });
    const bigMap = buildTextMap(big);
    const bigInside = separatorInteriors(Array.from({ length: 400 }, (_, i) => `${words(i)}\ntail`));
    expect(bigMap.text).toBe(Array.from({ length: 400 }, (_, i) => `${words(i)}\ntail`).join(BLOCK_SEPARATOR));
    expect(bigMap.text.split(/\s+/).length).toBeGreaterThanOrEqual(20_000);
    for (let i = 0; i < 1000; i++) {
      const start = (i * 7919) % (bigMap.text.length - 20);
      if (bigInside.has(start) || bigInside.has(start + 10)) continue;
      const { from, to } = bigMap.rangeToPositions(start, start + 10);
      expect(big.textBetween(from, to, BLOCK_SEPARATOR, '\n')).toBe(bigMap.text.slice(start, start + 10));
    }
  });
});

describe('buildTextMap with a zero-width inline leaf', () => {
  // The article schema has no such node, but the convention says other inline leaves add no text.
  const schema = new Schema({
    nodes: {
      doc: { content: 'block+' },
      paragraph: { group: 'block', content: 'inline*' },
      text: { group: 'inline' },
      mention: { group: 'inline', inline: true, atom: true },
    },
  });
  const doc = schema.node('doc', null, [schema.node('paragraph', null, [schema.text('ab'), schema.node('mention'), schema.text('cd')])]);
  const map = buildTextMap(doc);

  it('contributes no characters', () => {
    expect(map.text).toBe('abcd');
  });

  it('lets the association pick the side of the leaf', () => {
    expect(map.offsetToPos(2, -1)).toBe(3);
    expect(map.offsetToPos(2, 1)).toBe(4);
    expect(map.posToOffset(3)).toBe(2);
    expect(map.posToOffset(4)).toBe(2);
  });
});

describe('jsonToDoc', () => {
  it.each([
    ['an unknown node type', { type: 'doc', content: [{ type: 'script', content: [] }] }],
    ['an unknown mark', { type: 'doc', content: [para(text('x', [{ type: 'strike' }]))] }],
    ['content the schema forbids', { type: 'doc', content: [{ type: 'bulletList', content: [para(text('x'))] }] }],
    ['a document without blocks', { type: 'doc', content: [] }],
  ])('throws on %s', (_name, json) => {
    expect(() => jsonToDoc(json as JSONContent)).toThrow();
  });
});
