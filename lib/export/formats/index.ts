import type { ExportFormat } from '../export-row';
import { csvFormat } from './csv';
import { jsonFormat, jsonLinesFormat } from './json';
import { claimReviewFormat } from './claim-review';
import { webAnnotationFormat } from './web-annotation';

/** The export format names accepted by the API, the CLI and the export page. */
export const EXPORT_FORMAT_NAMES = ['csv', 'json', 'jsonl', 'claimreview', 'webannotation'] as const;
export type ExportFormatName = (typeof EXPORT_FORMAT_NAMES)[number];

/** Human labels for the export page. */
export const EXPORT_FORMAT_LABELS: Record<ExportFormatName, string> = {
  csv: 'CSV (spreadsheets)',
  json: 'JSON',
  jsonl: 'JSON Lines',
  claimreview: 'ClaimReview JSON-LD (schema.org)',
  webannotation: 'W3C Web Annotation JSON-LD',
};

/** The formatter for a format name; `bom` only affects CSV. */
export function exportFormat(name: ExportFormatName, options: { bom?: boolean } = {}): ExportFormat {
  switch (name) {
    case 'csv':
      return csvFormat(options);
    case 'json':
      return jsonFormat;
    case 'jsonl':
      return jsonLinesFormat;
    case 'claimreview':
      return claimReviewFormat;
    case 'webannotation':
      return webAnnotationFormat;
  }
}
