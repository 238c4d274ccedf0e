import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertArticle } from '@/lib/articles/convert';
import { extractArticle, ExtractionError } from '@/lib/articles/extract-article';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../fixtures/news', name), 'utf8');
const extract = (name: string, url: string) => extractArticle({ url, contentType: 'text/html', body: fixture(name) });
/** The stored text, through the same conversion and sanitiser as any HTML import. */
const storedText = (content: string) => convertArticle({ format: 'html', content, title: 'T' }).text;

describe('extractArticle', () => {
  it('reads JSON-LD NewsArticle metadata (@graph, several authors, publisher, local date, relative canonical)', () => {
    const article = extract('harbour-v1.html', 'https://www.coastline-herald.example/news/harbour?utm_source=x');
    expect(article).toMatchObject({
      title: 'Port authority approves €40m harbour expansion',
      byline: 'Maria Lindqvist, Tom Okafor',
      publishedAt: '2024-03-05', // the publisher's date, not the UTC one (2024-03-06)
      publisher: 'Coastline Herald',
      canonicalUrl: 'https://www.coastline-herald.example/news/2024/03/05/harbour-expansion-approved',
      format: 'html',
    });
    const text = storedText(article.content);
    expect(text).toContain('employ 300 people at their peak');
    expect(text).toContain('expected to take 18 months');
    expect(text).not.toMatch(/Sport|Business|Privacy|Coastline Herald Media/);
  });

  it('falls back to Open Graph and <meta> when a page has no JSON-LD', () => {
    const article = extract('og-only.html', 'https://www.morningledger.example/p/123');
    expect(article).toMatchObject({
      title: 'Rail fares to rise by 4.9% in March, government confirms',
      byline: 'Priya Raman',
      publishedAt: '2024-01-17',
      publisher: 'The Morning Ledger',
      canonicalUrl: 'https://www.morningledger.example/politics/2024/jan/17/rail-fares-rise-march',
    });
    const text = storedText(article.content);
    expect(text).toContain('Regulated rail fares in England will rise by 4.9% from 3 March');
    expect(text).toContain('£31bn during the pandemic');
    expect(text).not.toMatch(/Opinion|Culture|Transport policy/);
  });

  it('drops navigation, ads, share bars, related links, newsletter boxes and the comment section', () => {
    const article = extract('boilerplate.html', 'https://www.riversidecourier.example/schools/closures');
    expect(article).toMatchObject({ byline: 'Dana Whitfield', publishedAt: '2023-11-14', publisher: 'Riverside Courier' });
    expect(article.title).toBe('School board votes to close two elementary schools');
    const text = storedText(article.content);
    for (const kept of [
      'voted 5-2 on Monday night',
      'about $2.4 million a year',
      'More than 200 parents',
      'spent $350,000 on a consultant',
      'add two bus routes',
    ]) {
      expect(text).toContain(kept);
    }
    for (const dropped of [
      'riversidemom82',
      'fiscal responsibility',
      'Refinance today',
      'Related stories',
      'District faces',
      'Share on Facebook',
      'Morning Courier',
      'Most read',
      'Obituaries',
      'celebrity',
      'Subscribe for',
    ]) {
      expect(text).not.toContain(dropped);
    }
  });

  it('recognises a cookie / paywall page with little text and says so', () => {
    const attempt = () => extract('cookie-wall.html', 'https://www.nordpost.example/energy');
    expect(attempt).toThrow(ExtractionError);
    expect(attempt).toThrow(/paywall, login or cookie wall/);
  });

  it('refuses a page without a story as not an article', () => {
    const listing =
      '<html><head><title>Home</title></head><body><nav><a href="/a">A</a></nav><h1>Latest</h1><ul><li><a href="/1">One</a></li><li><a href="/2">Two</a></li></ul></body></html>';
    expect(() => extractArticle({ url: 'https://x.example/', contentType: 'text/html', body: listing })).toThrow(/does not look like an article/);
  });

  it('keeps a plain-text page whole, its first line as the title', () => {
    const body = `Headline of the note\n\n${'A sentence of the story with a figure of 42 per cent. '.repeat(10)}`;
    const article = extractArticle({ url: 'https://www.example.org/note.txt', contentType: 'text/plain', body });
    expect(article).toMatchObject({ title: 'Headline of the note', format: 'text', publisher: 'example.org', content: body });
  });
});
