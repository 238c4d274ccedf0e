import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { readPageMetadata, toIsoDate, type PageMetadata } from './page-metadata';

/** Fewer characters of article text than this means we are looking at a teaser, a wall or a listing, not a story. */
const MIN_ARTICLE_CHARS = 400;

export type ExtractedArticle = Omit<PageMetadata, 'accessibleForFree'> & {
  /** The article body as HTML (still to be sanitised by convertArticle) or as plain text. */
  content: string;
  format: 'html' | 'text';
};

/** Why a page cannot be imported as an article; `kind` picks the message the user sees. */
export class ExtractionError extends Error {
  constructor(
    readonly kind: 'wall' | 'not_article',
    message: string,
  ) {
    super(message);
    this.name = 'ExtractionError';
  }
}

/** Page chrome no article text lives in; removed before Readability scores the page. */
const CHROME_ELEMENTS =
  'nav, aside, footer, form, dialog, iframe, noscript, [role="navigation"], [role="complementary"], [role="contentinfo"], [role="dialog"], [aria-modal="true"]';
/** class / id tokens of comment sections, cookie and consent banners, related links, ads, share bars and walls. */
const CHROME_TOKEN =
  /^(comments?|comment-.+|.+-comments?|disqus.*|cookies?|cookie-.+|.+-cookies?|consent.*|.+-consent|gdpr.*|cmp-.+|related.*|.+-related|read-more|more-stories|most-read|trending.*|recommended.*|newsletter.*|promo.*|ads?|advert.*|ad-(slot|unit|container|banner).*|sponsored.*|share|sharing|share-.+|social.*|paywall.*|subscribe.*|outbrain|taboola)$/i;
/** Words of a page that hides its article behind a wall, a login or a cookie prompt. */
const WALL_WORDS = /\b(subscribe|subscription|subscriber|sign in|log in|login|register|paywall|cookies?|consent|accept all|premium)\b/i;

function stripChrome(document: Document): void {
  for (const el of document.querySelectorAll(CHROME_ELEMENTS)) el.remove();
  for (const el of document.querySelectorAll('[class], [id]')) {
    if (el.tagName === 'BODY' || el.tagName === 'HTML') continue;
    const tokens = [...(el.getAttribute('class') ?? '').split(/\s+/), el.getAttribute('id') ?? ''];
    if (tokens.some((t) => t && CHROME_TOKEN.test(t))) el.remove();
  }
}

const textLength = (text: string) => text.replace(/\s+/g, ' ').trim().length;

/** "Headline - Riverside Courier" -> "Riverside Courier" when the part before the last separator starts like the headline. */
function publisherFromTitle(documentTitle: string | undefined, headline: string | null): string | null {
  const match = /^(.*\S)\s+[|–—-]\s+([^|–—]{2,80})$/.exec(documentTitle?.replace(/\s+/g, ' ').trim() ?? '');
  if (!match || !headline || !match[1].startsWith(headline.slice(0, 20))) return null;
  return match[2].trim();
}

/**
 * The article in a fetched page: metadata (JSON-LD, Open Graph, <meta>) plus the body found by Mozilla Readability
 * after navigation, comments, cookie banners, related links and ads are dropped. Plain-text pages are kept whole.
 * Throws ExtractionError('wall') for a paywall / login / cookie wall, ('not_article') for a page without a story.
 */
export function extractArticle(page: { url: string; contentType: string; body: string }): ExtractedArticle {
  if (page.contentType === 'text/plain') {
    if (textLength(page.body) < MIN_ARTICLE_CHARS) throw new ExtractionError('not_article', 'The page has too little text to be an article.');
    const host = new URL(page.url).hostname.replace(/^www\./, '');
    // The first line names the text; passed as the title it also stays in the body, as it does in a new version.
    const title =
      page.body
        .split('\n')
        .map((line) => line.trim())
        .find(Boolean)
        ?.slice(0, 300) ?? null;
    return { title, byline: null, publishedAt: null, publisher: host, canonicalUrl: page.url, content: page.body, format: 'text' };
  }
  // linkedom parses without running scripts or loading anything (no network, no timers), unlike a browser-like DOM.
  const { document } = parseHTML(page.body);
  const metadata = readPageMetadata(document, page.url);
  const wholeText = document.body?.textContent ?? '';
  const firstH1 = document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() || null;
  const documentTitle = document.querySelector('title')?.textContent ?? undefined;
  stripChrome(document);
  const article = new Readability(document, { charThreshold: MIN_ARTICLE_CHARS }).parse();
  const length = article?.textContent ? textLength(article.textContent) : 0;
  if (!article?.content || length < MIN_ARTICLE_CHARS) {
    if (metadata.accessibleForFree === false || WALL_WORDS.test(wholeText)) {
      throw new ExtractionError(
        'wall',
        `The page shows a paywall, login or cookie wall instead of the article (only ${length} characters of text). Open it in a browser and paste the text instead.`,
      );
    }
    throw new ExtractionError('not_article', `The page does not look like an article (only ${length} characters of story text).`);
  }
  const meta = metadata;
  const title = meta.title ?? (article.title?.trim() || firstH1);
  return {
    title,
    byline: meta.byline ?? (article.byline?.replace(/^by\s+/i, '').trim() || null),
    publishedAt: meta.publishedAt ?? toIsoDate(article.publishedTime),
    publisher:
      meta.publisher ?? (article.siteName?.trim() || publisherFromTitle(documentTitle, title) || new URL(page.url).hostname.replace(/^www\./, '')),
    canonicalUrl: meta.canonicalUrl ?? page.url,
    content: article.content,
    format: 'html',
  };
}
