import { markdownToPlainText } from '@/lib/markdown/markdown';
import { articlePermalink, claimPermalink, isoDate, type ExportContext, type ExportFormat, type ExportRow } from '../export-row';

/** The JSON shape of one exported claim: nested article, verdict and sources, dates as ISO 8601 strings. */
export function claimJson(row: ExportRow, ctx: ExportContext) {
  return {
    id: row.id,
    url: claimPermalink(ctx, row.id),
    status: row.status,
    type: row.type,
    claimText: row.claimText,
    claimant: row.claimant,
    claimantKind: row.claimantKind,
    summary: row.summary,
    quote: { exact: row.exact, prefix: row.prefix, suffix: row.suffix, start: row.start, end: row.end },
    verdict: row.verdict,
    /** Markdown, as written; rationaleText is the same as plain text. */
    rationale: row.rationale,
    rationaleText: markdownToPlainText(row.rationale),
    sources: row.sources,
    tags: row.tags ?? [],
    article: { ...row.article, permalink: articlePermalink(ctx, row.article.id) },
    author: row.authorName,
    reviewer: row.reviewerName,
    createdAt: isoDate(row.createdAt),
    updatedAt: isoDate(row.updatedAt),
    reviewedAt: isoDate(row.reviewedAt),
    familyId: row.familyId ?? null,
    appearances: row.appearances ?? [],
  };
}

/**
 * A streamed JSON array of `toItem(row)`: `[` first, items separated by commas, `]` last,
 * so the output is valid JSON (also `[]` with no rows) without holding the array in memory.
 */
export function jsonArrayFormat(toItem: (row: ExportRow, ctx: ExportContext) => unknown, contentType = 'application/json'): ExportFormat {
  return {
    contentType: `${contentType}; charset=utf-8`,
    extension: 'json',
    header: () => '[',
    row: (row, ctx, index) => (index === 0 ? '\n' : ',\n') + JSON.stringify(toItem(row, ctx)),
    footer: (_ctx, count) => (count === 0 ? ']\n' : '\n]\n'),
  };
}

/** JSON Lines (one claim object per LF-terminated line; https://jsonlines.org). */
export const jsonLinesFormat: ExportFormat = {
  contentType: 'application/x-ndjson; charset=utf-8',
  extension: 'jsonl',
  header: () => '',
  row: (row, ctx) => JSON.stringify(claimJson(row, ctx)) + '\n',
  footer: () => '',
};

/** A JSON array of claims (see claimJson). */
export const jsonFormat: ExportFormat = jsonArrayFormat(claimJson);
