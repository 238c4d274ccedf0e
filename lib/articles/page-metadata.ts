/**
 * Headline, byline, date, publisher and canonical URL of a news page, from the sources publishers fill in, best first:
 * JSON-LD (NewsArticle and kin), Open Graph / article:* properties, other <meta> names, then the visible page.
 * Works on any DOM Document (linkedom on the server). Pure apart from reading `document`.
 */
export type PageMetadata = {
  title: string | null;
  byline: string | null;
  /** YYYY-MM-DD as the publisher wrote it (its own time zone), or null. */
  publishedAt: string | null;
  publisher: string | null;
  /** Absolute http(s) URL, or null. */
  canonicalUrl: string | null;
  /** false when JSON-LD says the article is not free to read (a paywall marker). */
  accessibleForFree: boolean | null;
};

const ARTICLE_TYPES =
  /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|Report|WebPage)$/;

type Json = Record<string, unknown>;

const clean = (value: unknown): string | null => (typeof value === 'string' && value.replace(/\s+/g, ' ').trim()) || null;

function typesOf(node: Json): string[] {
  const type = node['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
}

/** Every object in the page's JSON-LD blocks, @graph members included; broken blocks are skipped. */
function jsonLdNodes(document: Document): Json[] {
  const nodes: Json[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      nodes.push(value as Json);
      if ('@graph' in value) visit((value as Json)['@graph']);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // Publishers ship invalid JSON-LD often enough; the other sources still count.
    }
  }
  return nodes;
}

/** The article node: a news type first, WebPage only when nothing better exists. */
function articleNode(document: Document): Json | null {
  const nodes = jsonLdNodes(document).filter((n) => typesOf(n).some((t) => ARTICLE_TYPES.test(t)));
  return nodes.find((n) => !typesOf(n).includes('WebPage')) ?? nodes[0] ?? null;
}

function names(value: unknown): string | null {
  const list = (Array.isArray(value) ? value : [value])
    .map((v) => (v && typeof v === 'object' ? clean((v as Json).name) : clean(v)))
    .filter((v): v is string => Boolean(v));
  return list.length ? [...new Set(list)].join(', ') : null;
}

function meta(document: Document, ...keys: string[]): string | null {
  for (const key of keys) {
    const el = document.querySelector(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const value = clean(el?.getAttribute('content'));
    if (value) return value;
  }
  return null;
}

/** '2024-03-05T23:30:00-05:00' -> '2024-03-05' (the date as published there); other parseable dates via Date. */
export function toIsoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const written = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(value.trim());
  if (written) return written[1];
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString().slice(0, 10);
}

function absoluteHttp(value: string | null, base: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
  } catch {
    return null;
  }
}

/** Reads the metadata of `document`, fetched from `pageUrl` (relative canonical links resolve against it). */
export function readPageMetadata(document: Document, pageUrl: string): PageMetadata {
  const ld = articleNode(document) ?? {};
  const mainEntity = ld.mainEntityOfPage;
  const ldUrl = clean(ld.url) ?? (mainEntity && typeof mainEntity === 'object' ? clean((mainEntity as Json)['@id']) : clean(mainEntity));
  const free = ld.isAccessibleForFree;
  return {
    title: clean(ld.headline) ?? meta(document, 'og:title', 'twitter:title', 'dc.title'),
    byline:
      (
        names(ld.author) ??
        meta(document, 'author', 'article:author', 'byl', 'parsely-author', 'sailthru.author', 'dc.creator') ??
        clean(document.querySelector('[rel="author"], .byline, [itemprop="author"]')?.textContent)
      )?.replace(/^by\s+/i, '') ?? null,
    publishedAt: toIsoDate(
      clean(ld.datePublished) ??
        meta(
          document,
          'article:published_time',
          'og:article:published_time',
          'datePublished',
          'pubdate',
          'publishdate',
          'date',
          'dc.date',
          'parsely-pub-date',
          'sailthru.date',
        ) ??
        document.querySelector('time[datetime]')?.getAttribute('datetime'),
    ),
    publisher: names(ld.publisher) ?? meta(document, 'og:site_name', 'application-name', 'publisher'),
    canonicalUrl: absoluteHttp(document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(document, 'og:url') ?? ldUrl, pageUrl),
    accessibleForFree: free === false || free === 'False' || free === 'false' ? false : free === undefined ? null : true,
  };
}
