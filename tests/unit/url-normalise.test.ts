import { describe, expect, it } from 'vitest';
import { normaliseUrl } from '@/lib/sources/normalise-url';

describe('normaliseUrl', () => {
  it.each([
    ['lower-cases the scheme and host but not the path', 'HTTPS://News.Example.COM/Path/Story', 'https://news.example.com/Path/Story'],
    ['drops the fragment', 'https://example.com/a#section-2', 'https://example.com/a'],
    ['drops utm_* parameters in any case', 'https://example.com/a?utm_source=x&UTM_Medium=y&id=7', 'https://example.com/a?id=7'],
    ['drops click ids', 'https://example.com/a?fbclid=abc&gclid=def&page=2', 'https://example.com/a?page=2'],
    ['leaves no empty query behind', 'https://example.com/a?utm_campaign=spring', 'https://example.com/a'],
    ['keeps other parameters in their order', 'https://example.com/s?b=2&a=1', 'https://example.com/s?b=2&a=1'],
    ['drops the default port', 'http://example.com:80/x', 'http://example.com/x'],
    ['keeps a non-default port', 'http://example.com:8080/x', 'http://example.com:8080/x'],
    ['strips credentials', 'https://user:secret@example.com/x', 'https://example.com/x'],
    ['trims surrounding whitespace', '  https://example.com/x  ', 'https://example.com/x'],
    ['adds the root path to a bare host', 'https://example.com', 'https://example.com/'],
    ['drops a trailing dot on the host', 'https://example.com./x', 'https://example.com/x'],
  ])('%s', (_name, input, expected) => {
    expect(normaliseUrl(input)).toBe(expected);
  });

  it('gives the same result for two spellings of one source', () => {
    const a = normaliseUrl('https://WWW.Example.com/report?id=3&utm_source=newsletter#top');
    const b = normaliseUrl('https://www.example.com/report?id=3');
    expect(a).toBe(b);
  });

  it.each([
    ['javascript: URLs', 'javascript:alert(1)'],
    ['data: URLs', 'data:text/html,<script>alert(1)</script>'],
    ['ftp URLs', 'ftp://example.com/file'],
    ['relative paths', '/just/a/path'],
    ['plain words', 'not a url'],
    ['empty input', '   '],
    ['overlong URLs', `https://example.com/${'a'.repeat(2100)}`],
  ])('refuses %s', (_name, input) => {
    expect(normaliseUrl(input)).toBeNull();
  });
});
