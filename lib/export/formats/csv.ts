import { rationaleText } from '../rationale-text';
import { claimPermalink, isoDate, type ExportContext, type ExportFormat, type ExportRow } from '../export-row';

/** Columns of the CSV export, in order; the header row uses these names. */
export const CSV_COLUMNS = [
  'claim_id',
  'claim_url',
  'article_id',
  'article_title',
  'article_url',
  'claim_text',
  'exact_quote',
  'claimant',
  'type',
  'status',
  'verdict_label',
  'verdict_rating',
  'rationale',
  'source_urls',
  'author',
  'reviewer',
  'reviewed_at',
  'summary',
  'claimant_kind',
  'family_id',
  'tags',
] as const;

// Spreadsheets evaluate cells starting with these as formulas (OWASP "CSV injection"); tab and CR too,
// because some apps strip them and then see the next character.
const FORMULA_START = /^[=+\-@\t\r]/;
// RFC 4180: fields holding a comma, a double quote or a line break must be quoted.
const NEEDS_QUOTES = /[",\r\n]/;
const BOM = '\uFEFF';
const CRLF = '\r\n';

/** Makes a text cell inert in spreadsheets by prefixing `'` when it could start a formula. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * One RFC 4180 field: numbers as is, null as empty, text neutralised against formula injection,
 * then quoted (inner quotes doubled) when it holds a comma, quote or line break.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = neutraliseFormula(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CRLF-terminated CSV record. */
export function csvLine(values: (string | number | null)[]): string {
  return values.map(csvCell).join(',') + CRLF;
}

/**
 * The values of one export row in CSV_COLUMNS order (source URLs joined by a space, which no URL contains; the
 * rationale as plain text, its Markdown markers removed).
 */
function csvValues(row: ExportRow, ctx: ExportContext): (string | number | null)[] {
  return [
    row.id,
    claimPermalink(ctx, row.id),
    row.article.id,
    row.article.title,
    row.article.url,
    row.claimText,
    row.exact,
    row.claimant,
    row.type,
    row.status,
    row.verdict?.label ?? null,
    row.verdict?.rating ?? null,
    rationaleText(row.rationale),
    row.sources.map((s) => s.url).join(' '),
    row.authorName,
    row.reviewerName,
    isoDate(row.reviewedAt),
    row.summary,
    row.claimantKind,
    row.familyId ?? null,
    // A tag holds no comma (update-claim.ts), so ", " separates them unambiguously.
    (row.tags ?? []).join(', '),
  ];
}

/**
 * CSV (RFC 4180, UTF-8, CRLF, header row). With `bom` (the default) the file starts with a UTF-8 byte order
 * mark: Excel otherwise reads UTF-8 as the local code page and mangles curly quotes and accents.
 */
export function csvFormat({ bom = true }: { bom?: boolean } = {}): ExportFormat {
  return {
    contentType: 'text/csv; charset=utf-8; header=present',
    extension: 'csv',
    header: () => (bom ? BOM : '') + csvLine([...CSV_COLUMNS]),
    row: (row, ctx) => csvLine(csvValues(row, ctx)),
    footer: () => '',
  };
}
