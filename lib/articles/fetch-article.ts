import { AppError, Invalid, TooLarge, Unprocessable, UpstreamFailed, UpstreamTimeout } from '@/lib/errors';
import { guardedFetch, type GuardedFetchOptions } from '@/lib/net/guarded-fetch';
import { GuardedFetchError } from '@/lib/net/fetch-error';
import { normaliseUrl } from '@/lib/sources/normalise-url';
import { convertImport } from './create-article';
import { extractArticle, ExtractionError } from './extract-article';

export type FetchedArticle = {
  /** Normalised URL the user gave (what a re-check fetches again). */
  fetchedUrl: string;
  /** Normalised canonical URL the page names, else the URL that answered. */
  canonicalUrl: string;
  title: string | null;
  byline: string | null;
  publisher: string | null;
  publishedAt: string | null;
  /** The extracted body before conversion (what a new version is imported from). */
  content: string;
  format: 'html' | 'text';
  /** The converted, sanitised article: tiptap document and the body_text claims anchor to. */
  converted: Awaited<ReturnType<typeof convertImport>>;
};

/** Maps a fetch refusal or failure to the typed error the API answers with (400/413/422/502/504). */
function fetchErrorToAppError(error: GuardedFetchError): AppError {
  switch (error.kind) {
    case 'bad_url':
    case 'not_allowed':
      return Invalid(error.message, { url: error.message });
    case 'too_large':
      return TooLarge(error.message);
    case 'not_found':
    case 'unsupported_type':
      return Unprocessable(error.message, { url: error.message });
    case 'timeout':
      return UpstreamTimeout(error.message);
    default:
      return UpstreamFailed(error.message);
  }
}

/**
 * Fetches `url` through the guarded fetcher, extracts the article and converts it like any HTML import
 * (same sanitiser). Throws typed AppErrors only: Invalid, TooLarge, Unprocessable, UpstreamFailed, UpstreamTimeout.
 */
export async function fetchArticle(url: string, options: GuardedFetchOptions = {}): Promise<FetchedArticle> {
  const fetchedUrl = normaliseUrl(url);
  if (!fetchedUrl) throw Invalid('Give a complete http:// or https:// link.', { url: 'Not a web link.' });
  let extracted;
  let page;
  try {
    page = await guardedFetch(fetchedUrl, options);
    extracted = extractArticle(page);
  } catch (error) {
    if (error instanceof GuardedFetchError) throw fetchErrorToAppError(error);
    if (error instanceof ExtractionError) throw Unprocessable(error.message, { url: error.message });
    throw error;
  }
  const converted = await convertImport({ format: extracted.format, content: extracted.content, title: extracted.title ?? undefined });
  return {
    fetchedUrl,
    canonicalUrl: normaliseUrl(extracted.canonicalUrl ?? page.url) ?? normaliseUrl(page.url) ?? fetchedUrl,
    title: converted.title,
    byline: extracted.byline?.slice(0, 300) ?? null,
    publisher: extracted.publisher?.slice(0, 200) ?? null,
    publishedAt: extracted.publishedAt,
    content: extracted.content,
    format: extracted.format,
    converted,
  };
}
