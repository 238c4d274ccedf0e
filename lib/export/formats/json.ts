import { rationaleText } from '../rationale-text';
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
    rationaleText: rationaleText(row.rationale),
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

const str = JSON.stringify;
const num = (n: number) => (Number.isFinite(n) ? String(n) : 'null');
const strOrNull = (s: string | null | undefined) => (s == null ? 'null' : str(s));

/**
 * `JSON.stringify(claimJson(row, ctx))`, written straight from the row: the export's hot path, where building the
 * nested object a second time (after stream-claims built the row) and walking it again cost a third of a JSON export.
 * The bytes are the same (tests/unit/export-json-bytes.test.ts checks it against claimJson): same keys in the same
 * order, strings escaped by JSON.stringify itself, and the nested arrays (built in a fixed key order by
 * stream-claims) stringified as they are.
 */
export function claimJsonText(row: ExportRow, ctx: ExportContext): string {
  const a = row.article;
  const q = `{"exact":${str(row.exact)},"prefix":${str(row.prefix)},"suffix":${str(row.suffix)},"start":${num(row.start)},"end":${num(row.end)}}`;
  const article = `{"id":${num(a.id)},"title":${str(a.title)},"url":${strOrNull(a.url)},"publisher":${strOrNull(a.publisher)},"publishedAt":${strOrNull(a.publishedAt)},"permalink":${str(articlePermalink(ctx, a.id))}}`;
  return (
    `{"id":${num(row.id)},"url":${str(claimPermalink(ctx, row.id))},"status":${str(row.status)},"type":${str(row.type)}` +
    `,"claimText":${str(row.claimText)},"claimant":${strOrNull(row.claimant)},"claimantKind":${strOrNull(row.claimantKind)}` +
    `,"summary":${strOrNull(row.summary)},"quote":${q},"verdict":${str(row.verdict)},"rationale":${strOrNull(row.rationale)}` +
    `,"rationaleText":${str(rationaleText(row.rationale))},"sources":${str(row.sources)},"tags":${str(row.tags ?? [])}` +
    `,"article":${article}` +
    `,"author":${strOrNull(row.authorName)},"reviewer":${strOrNull(row.reviewerName)},"createdAt":${strOrNull(isoDate(row.createdAt))}` +
    `,"updatedAt":${strOrNull(isoDate(row.updatedAt))},"reviewedAt":${strOrNull(isoDate(row.reviewedAt))}` +
    `,"familyId":${row.familyId == null ? 'null' : num(row.familyId)},"appearances":${str(row.appearances ?? [])}}`
  );
}

/**
 * A streamed JSON array of `toItem(row)`: `[` first, items separated by commas, `]` last,
 * so the output is valid JSON (also `[]` with no rows) without holding the array in memory.
 */
export function jsonArrayFormat(
  toItem: (row: ExportRow, ctx: ExportContext) => unknown,
  contentType = 'application/json',
  /** The item already as JSON text, when a format writes it faster than JSON.stringify(toItem(...)). */
  toText: (row: ExportRow, ctx: ExportContext) => string = (row, ctx) => JSON.stringify(toItem(row, ctx)),
): ExportFormat {
  return {
    contentType: `${contentType}; charset=utf-8`,
    extension: 'json',
    header: () => '[',
    row: (row, ctx, index) => (index === 0 ? '\n' : ',\n') + toText(row, ctx),
    footer: (_ctx, count) => (count === 0 ? ']\n' : '\n]\n'),
  };
}

/** JSON Lines (one claim object per LF-terminated line; https://jsonlines.org). */
export const jsonLinesFormat: ExportFormat = {
  contentType: 'application/x-ndjson; charset=utf-8',
  extension: 'jsonl',
  header: () => '',
  row: (row, ctx) => claimJsonText(row, ctx) + '\n',
  footer: () => '',
};

/** A JSON array of claims (see claimJson). */
export const jsonFormat: ExportFormat = jsonArrayFormat(claimJson, 'application/json', claimJsonText);
