import { articlePermalink, claimPermalink, isoDate, type ExportContext, type ExportRow } from '../export-row';
import { jsonArrayFormat } from './json';

/**
 * One W3C Web Annotation (https://www.w3.org/TR/annotation-model/) for a claim. The target is the original
 * article URL when known (else its Claimdesk page) with two selectors: the TextQuoteSelector re-locates the
 * quote anywhere; the TextPositionSelector offsets refer to Claimdesk's plain text of the article.
 */
export function webAnnotation(row: ExportRow, ctx: ExportContext) {
  const body: Record<string, unknown>[] = [];
  if (row.verdict) body.push({ type: 'TextualBody', purpose: 'assessing', value: row.verdict.label, format: 'text/plain' });
  if (row.rationale) body.push({ type: 'TextualBody', purpose: 'describing', value: row.rationale, format: 'text/plain' });
  body.push({ type: 'TextualBody', purpose: 'tagging', value: row.type });
  for (const s of row.sources) body.push({ id: s.url, type: 'Text', purpose: 'linking', ...(s.title ? { title: s.title } : {}) });
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `${claimPermalink(ctx, row.id)}#annotation`,
    type: 'Annotation',
    motivation: 'assessing',
    created: isoDate(row.createdAt),
    modified: isoDate(row.reviewedAt && row.reviewedAt > row.updatedAt ? row.reviewedAt : row.updatedAt),
    creator: { type: 'Person', name: row.authorName },
    generator: { id: ctx.origin, type: 'Software', name: 'Claimdesk' },
    body,
    target: {
      source: row.article.url ?? articlePermalink(ctx, row.article.id),
      selector: [
        { type: 'TextQuoteSelector', exact: row.exact, prefix: row.prefix, suffix: row.suffix },
        { type: 'TextPositionSelector', start: row.start, end: row.end },
      ],
    },
  };
}

/** A JSON array of Web Annotations, each with its own @context. */
export const webAnnotationFormat = jsonArrayFormat(webAnnotation, 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"');
