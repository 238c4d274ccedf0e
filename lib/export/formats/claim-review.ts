import { rationaleText } from '../rationale-text';
import { articlePermalink, claimPermalink, factCheckUrl, isoDate, type ExportContext, type ExportRow } from '../export-row';
import { jsonArrayFormat } from './json';

// Free-text claimants are usually people; these words mark an organisation (schema.org Person vs Organization).
const ORGANISATION_WORDS =
  /\b(ministry|department|agency|office|council|government|committee|commission|party|university|institute|association|authority|company|corporation|corp|inc|ltd|llc|plc|group|bureau|board|foundation|union|police|army|navy|news|times|post|press|organi[sz]ation|campaign|administration|senate|congress|parliament|court)\b/i;

/** schema.org type of a claimant: the kind the editor chose, else Organization when the name names an institution, else Person. */
export function claimantType(claimant: string, kind: ExportRow['claimantKind'] = null): 'Person' | 'Organization' {
  if (kind) return kind === 'organization' ? 'Organization' : 'Person';
  return ORGANISATION_WORDS.test(claimant) ? 'Organization' : 'Person';
}

/** Who made the claim: the claimant when named, else the article's publisher, else the site it appeared on. */
function claimAuthor(row: ExportRow) {
  if (row.claimant) return { '@type': claimantType(row.claimant, row.claimantKind), name: row.claimant };
  const publisher = row.article.publisher || hostOf(row.article.url) || 'Unknown publisher';
  return { '@type': 'Organization', name: publisher };
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/**
 * The verdict as a schema.org Rating: `name` and `alternateName` carry the label; a verdict on the true/false axis has a
 * ratingValue within bestRating..worstRating, while an unrated one (Unproven…) or a missing verdict has none, as
 * Google's fact-check guidance asks for verdicts that are not a point on the scale.
 */
function reviewRating(row: ExportRow, ctx: ExportContext) {
  if (!row.verdict) return { '@type': 'Rating', name: 'Unrated', alternateName: 'Unrated' };
  const label = { name: row.verdict.label, alternateName: row.verdict.label };
  if (row.verdict.unrated) return { '@type': 'Rating', ...label };
  return { '@type': 'Rating', ratingValue: row.verdict.rating, bestRating: ctx.bestRating, worstRating: ctx.worstRating, ...label };
}

/**
 * One schema.org ClaimReview as Google's fact-check markup expects, using only properties schema.org defines on each
 * type (checked by tests/unit/export-schema-org.test.ts against tests/fixtures/schema-org-properties.json).
 * `claimReviewed` is the claim's short summary when set; `reviewBody` is the rationale as plain text; `url` is the
 * public fact-check page when publishing is on and the claim is verified, else the (login-only) claim page.
 */
export function claimReview(row: ExportRow, ctx: ExportContext) {
  const work = (article: ExportRow['article']) => ({
    '@type': 'CreativeWork',
    url: article.url ?? articlePermalink(ctx, article.id),
    headline: article.title,
    ...(article.publishedAt ? { datePublished: article.publishedAt } : {}),
    ...(article.publisher ? { publisher: { '@type': 'Organization', name: article.publisher } } : {}),
  });
  // A claim family lists every article the claim appeared in (one per article).
  const others = (row.appearances ?? [])
    .map((a) => a.article)
    .filter((a, i, all) => a.id !== row.article.id && all.findIndex((b) => b.id === a.id) === i);
  const appearance = others.length ? [work(row.article), ...others.map(work)] : work(row.article);
  const firstAppearance = Array.isArray(appearance) ? appearance[0] : appearance;
  const reviewBody = rationaleText(row.rationale);
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: ctx.publicPages && row.status === 'verified' ? factCheckUrl(ctx, row.id) : claimPermalink(ctx, row.id),
    claimReviewed: row.summary || row.claimText,
    datePublished: isoDate(row.reviewedAt ?? row.updatedAt),
    author: { '@type': 'Organization', name: ctx.orgName, url: ctx.orgUrl },
    reviewRating: reviewRating(row, ctx),
    ...(reviewBody ? { reviewBody } : {}),
    // CreativeWork.keywords: the claim's tags, comma-separated (a tag holds no comma).
    ...(row.tags?.length ? { keywords: row.tags.join(', ') } : {}),
    itemReviewed: {
      '@type': 'Claim',
      author: claimAuthor(row),
      ...(row.article.publishedAt ? { datePublished: row.article.publishedAt } : {}),
      appearance,
      firstAppearance,
    },
  };
}

/** A JSON array of ClaimReview objects, each with its own @context so any one can be embedded in a page. */
export const claimReviewFormat = jsonArrayFormat(claimReview, 'application/ld+json');
