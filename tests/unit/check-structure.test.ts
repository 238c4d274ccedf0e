import { describe, expect, it } from 'vitest';
import { htmlStructureProblem, markdownStructureProblem } from '@/lib/articles/check-structure';
import { ConversionError, convertArticle } from '@/lib/articles/convert';
import { MAX_ELEMENTS, MAX_NESTING_DEPTH } from '@/lib/articles/limits';

const nestedLists = (levels: number) => '<ul><li>x'.repeat(levels) + '</li></ul>'.repeat(levels);
const nestedDivs = (depth: number) => '<div>'.repeat(depth) + 'text' + '</div>'.repeat(depth);

describe('htmlStructureProblem', () => {
  it.each([
    ['elements nested exactly to the limit', nestedDivs(MAX_NESTING_DEPTH), null],
    ['one level past the limit', nestedDivs(MAX_NESTING_DEPTH + 1), /nested more than 100 levels deep \(the nesting depth limit\)/],
    ['1,000 nested list levels', nestedLists(1000), /nesting depth limit/],
    ['unclosed tags that keep nesting', '<div><span>'.repeat(60), /nesting depth limit/],
    ['void elements, which never nest', '<p>' + '<br><img src="x.png">'.repeat(500) + '</p>', null],
    ['paragraphs closed implicitly by the next one', '<p>one'.repeat(500), null],
    ['elements exactly at the count limit', '<b>x</b>'.repeat(MAX_ELEMENTS), null],
    ['one element past the count limit', '<b>x</b>'.repeat(MAX_ELEMENTS + 1), /more than 10,000 HTML elements \(the element count limit\)/],
  ])('%s', (_name, html, expected) => {
    const problem = htmlStructureProblem(html);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

describe('markdownStructureProblem', () => {
  it.each([
    ['quote markers exactly at the limit', '>'.repeat(MAX_NESTING_DEPTH) + ' deep', null],
    ['5,000 quote markers', '>'.repeat(5000) + ' deep', /nesting depth limit/],
    ['spaced quote markers past the limit', '> '.repeat(MAX_NESTING_DEPTH + 1) + 'deep', /nesting depth limit/],
    ['bullet markers past the limit', '- '.repeat(MAX_NESTING_DEPTH + 1) + 'deep', /nesting depth limit/],
    ['ordered and mixed markers past the limit', '1. > * '.repeat(40) + 'deep', /nesting depth limit/],
    ['indentation past the limit (two columns a level)', ' '.repeat(2 * MAX_NESTING_DEPTH + 2) + '- deep', /nesting depth limit/],
    ['a deep line after ordinary ones', 'Title\n\nText.\n' + '>'.repeat(200), /nesting depth limit/],
    ['ordinary Markdown', '# Title\n\n> A quote\n> > nested\n\n- a\n  - b\n    1. c\n\n---\n\n2021. A year, not a list', null],
    ['dashes and digits that are not markers', '-'.repeat(5000) + '\n' + '1'.repeat(5000) + '\n***', null],
  ])('%s', (_name, markdown, expected) => {
    const problem = markdownStructureProblem(markdown);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

describe('convertArticle: structure limits', () => {
  const refusal = (input: Parameters<typeof convertArticle>[0]) => {
    try {
      convertArticle(input);
    } catch (error) {
      if (error instanceof ConversionError) return error;
      throw error;
    }
    throw new Error('expected a ConversionError');
  };

  it('refuses 1,000-deep HTML lists naming the depth limit instead of overflowing the stack', () => {
    const error = refusal({ format: 'html', content: nestedLists(1000) });
    expect(error.field).toBe('content');
    expect(error.message).toMatch(/nesting depth limit/);
  });

  it('refuses 5,000-deep Markdown quotes and 3,000-deep Markdown lists naming the depth limit', () => {
    expect(refusal({ format: 'markdown', content: '>'.repeat(5000) + ' deep' }).message).toMatch(/nesting depth limit/);
    expect(refusal({ format: 'markdown', content: '- '.repeat(3000) + 'deep' }).message).toMatch(/nesting depth limit/);
  });

  it('refuses Markdown whose raw HTML nests too deeply, checked on the HTML Markdown becomes', () => {
    expect(refusal({ format: 'markdown', content: `Intro\n\n${nestedDivs(300)}` }).message).toMatch(/nesting depth limit/);
  });

  it('refuses HTML with too many elements naming the element count limit', () => {
    expect(refusal({ format: 'html', content: '<p>x</p>'.repeat(MAX_ELEMENTS + 1) }).message).toMatch(/element count limit/);
  });

  it('still converts nesting within the limit', () => {
    const article = convertArticle({ format: 'html', content: `<h1>Lists</h1>${nestedLists(40)}` });
    expect(article.text).toContain('x');
    expect(article.title).toBe('Lists');
  });
});
