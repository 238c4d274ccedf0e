import { isoString } from './iso-date';
import type { ClaimantKind, ClaimStatus, ClaimType, SourceRelation } from '@/db/schema';

/** Publisher named in ClaimReview exports while the `org_name` setting is empty (the export page and Settings warn). */
export const DEFAULT_ORG_NAME = 'Claimdesk newsroom';

/** One linked source of an exported claim. */
export type ExportSource = {
  url: string;
  title: string;
  publisher: string;
  relation: SourceRelation;
  excerpt: string;
};

/** The verdict of an exported claim on the scale it was judged by. */
export type ExportVerdict = { id: number; label: string; rating: number; /** Outside the true/false axis: no ratingValue. */ unrated: boolean };

/** Another appearance of the same claim (a linked claim in its family) in another article. */
export type ExportAppearance = {
  claimId: number;
  article: { id: number; title: string; url: string | null; publisher: string | null; publishedAt: string | null };
};

/** A claim flattened for export: plain data only, so the formatters stay pure and unit-testable. */
export type ExportRow = {
  id: number;
  article: { id: number; title: string; url: string | null; publisher: string | null; publishedAt: string | null };
  /** TextPositionSelector offsets into the article's body_text. */
  start: number;
  end: number;
  /** TextQuoteSelector: the quoted span and up to 32 characters of context each side. */
  exact: string;
  prefix: string;
  suffix: string;
  type: ClaimType;
  claimant: string;
  /** Person or Organization as the editor set it; null = guess from the name. */
  claimantKind: ClaimantKind | null;
  claimText: string;
  /** Optional short form for publishing; empty = claimText. */
  summary: string;
  status: ClaimStatus;
  verdict: ExportVerdict | null;
  /** Markdown (see lib/markdown). */
  rationale: string;
  authorId: number;
  authorName: string;
  reviewerName: string | null;
  createdAt: Date;
  updatedAt: Date;
  reviewedAt: Date | null;
  sources: ExportSource[];
  /** Free-text tags, normalised and sorted (absent in older fixtures: none). */
  tags?: string[];
  /** The claim family (claims linked as the same claim across articles); null or absent when not linked. */
  familyId?: number | null;
  /** The family's other appearances, oldest article first. */
  appearances?: ExportAppearance[];
};

/** What formats need besides the rows: where Claimdesk lives, who publishes, and the rating scale bounds. */
export type ExportContext = {
  /** Base URL of this Claimdesk instance, without a trailing slash (permalinks are `${origin}/claims/${id}`). */
  origin: string;
  orgName: string;
  orgUrl: string;
  /** Highest and lowest rating on the verdict scale (ClaimReview bestRating / worstRating). */
  bestRating: number;
  worstRating: number;
  /** Verified claims have public fact-check pages (setting publish_fact_checks); ClaimReview url points there. */
  publicPages: boolean;
  /** BCP 47 language of articles and rationales (setting content_language). */
  language: string;
};

/** A streaming output format: a header, one piece per row, a footer; every piece is a plain string. */
export type ExportFormat = {
  contentType: string;
  extension: string;
  header(ctx: ExportContext): string;
  row(row: ExportRow, ctx: ExportContext, index: number): string;
  footer(ctx: ExportContext, count: number): string;
};

/** Permalink of a claim inside Claimdesk. */
export const claimPermalink = (ctx: ExportContext, id: number) => `${ctx.origin}/claims/${id}`;

/** The public, read-only fact-check page of a verified claim (app/(public)/fact-checks/[id]). */
export const factCheckUrl = (ctx: ExportContext, id: number) => `${ctx.origin}/fact-checks/${id}`;

/** Permalink of an article inside Claimdesk. */
export const articlePermalink = (ctx: ExportContext, id: number) => `${ctx.origin}/articles/${id}`;

/** ISO 8601 timestamp, or null. */
export const isoDate = (d: Date | null) => (d ? isoString(d) : null);
