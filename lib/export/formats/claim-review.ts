import { articlePermalink, claimPermalink, isoDate, type ExportContext, type ExportRow } from '../export-row';
import { jsonArrayFormat } from './json';

// Free-text claimants are usually people; these words mark an organisation (schema.org Person vs Organization).
const ORGANISATION_WORDS =
  /\b(ministry|department|agency|office|council|government|committee|commission|party|university|institute|association|authority|company|corporation|corp|inc|ltd|llc|plc|group|bureau|board|foundation|union|police|army|navy|news|times|post|press|organi[sz]ation|campaign|administration|senate|congress|parliament|court)\b/i;

/** schema.org type for a free-text claimant: Organization when it names an institution, else Person. */
export function claimantType(claimant: string): 'Person' | 'Organization' {
  return ORGANISATION_WORDS.test(claimant) ? 'Organization' : 'Person';
}

/**
 * One schema.org ClaimReview as Google's fact-check markup expects. The claim's author is the claimant
 * (or, when nobody was named, the publication it appeared in); a claim without a verdict gets a Rating
 * with only `alternateName: "Unrated"` so nobody mistakes it for a rating.
 */
export function claimReview(row: ExportRow, ctx: ExportContext) {
  const claimAuthor = row.claimant
    ? { '@type': claimantType(row.claimant), name: row.claimant }
    : row.article.publisher
      ? { '@type': 'Organization', name: row.article.publisher }
      : undefined;
  const work = (article: ExportRow['article']) => ({
    '@type': 'CreativeWork',
    url: article.url ?? articlePermalink(ctx, article.id),
    headline: article.title,
    ...(article.publishedAt ? { datePublished: article.publishedAt } : {}),
    ...(article.publisher ? { publisher: { '@type': 'Organization', name: article.publisher } } : {}),
  });
  // A claim family lists every article the claim appeared in (one per article).
  const others = (row.appearances ?? []).map((a) => a.article).filter((a, i, all) => a.id !== row.article.id && all.findIndex((b) => b.id === a.id) === i);
  const appearance = others.length ? [work(row.article), ...others.map(work)] : work(row.article);
  const firstAppearance = Array.isArray(appearance) ? appearance[0] : appearance;
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: claimPermalink(ctx, row.id),
    claimReviewed: row.claimText,
    datePublished: isoDate(row.reviewedAt ?? row.updatedAt),
    author: { '@type': 'Organization', name: ctx.orgName, url: ctx.orgUrl },
    reviewRating: row.verdict
      ? {
          '@type': 'Rating',
          ratingValue: row.verdict.rating,
          bestRating: ctx.bestRating,
          worstRating: ctx.worstRating,
          alternateName: row.verdict.label,
        }
      : { '@type': 'Rating', alternateName: 'Unrated' },
    itemReviewed: {
      '@type': 'Claim',
      ...(claimAuthor ? { author: claimAuthor } : {}),
      ...(row.article.publishedAt ? { datePublished: row.article.publishedAt } : {}),
      appearance,
      firstAppearance,
    },
  };
}

/** A JSON array of ClaimReview objects, each with its own @context so any one can be embedded in a page. */
export const claimReviewFormat = jsonArrayFormat(claimReview, 'application/ld+json');
