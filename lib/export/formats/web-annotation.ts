import { articlePermalink, claimPermalink, isoDate, type ExportContext, type ExportRow } from '../export-row';
import { jsonArrayFormat } from './json';

/** A stable IRI for a Claimdesk user (no public profile pages exist): urn:claimdesk:<host>:user:<id>. */
function userUrn(ctx: ExportContext, userId: number): string {
  return `urn:claimdesk:${hostOf(ctx.origin)}:user:${userId}`;
}

// The last origin's host: parsing the same URL again for every claim of an export cost ~5% of it.
let lastOrigin: { origin: string; host: string } | null = null;
function hostOf(origin: string): string {
  if (lastOrigin?.origin !== origin) lastOrigin = { origin, host: new URL(origin).host };
  return lastOrigin.host;
}

/**
 * One W3C Web Annotation (https://www.w3.org/TR/annotation-model/) for a claim, motivated by `assessing`.
 * Bodies: the verdict (purpose assessing), the rationale (describing, kept as Markdown with format text/markdown), the
 * claim type and each free-text tag (tagging), and each evidence source as a SpecificResource with purpose linking around the source's
 * External Web Resource (the model allows `purpose` only on Textual Bodies and Specific Resources, section 3.3.5).
 * Textual bodies carry language, format, creator and created/modified (the claim's, as Claimdesk keeps no per-field
 * times). The target is the original article URL when known (else its Claimdesk page) with two selectors: the
 * TextQuoteSelector re-locates the quote anywhere; the TextPositionSelector offsets refer to Claimdesk's plain text.
 */
export function webAnnotation(row: ExportRow, ctx: ExportContext) {
  const creator = { id: userUrn(ctx, row.authorId), type: 'Person', name: row.authorName };
  const created = isoDate(row.createdAt);
  const modified = isoDate(row.reviewedAt && row.reviewedAt > row.updatedAt ? row.reviewedAt : row.updatedAt);
  const textual = (purpose: string, value: string, format = 'text/plain') => ({
    type: 'TextualBody',
    purpose,
    value,
    format,
    language: ctx.language,
    creator,
    created,
    modified,
  });
  const body: Record<string, unknown>[] = [];
  if (row.verdict) body.push(textual('assessing', row.verdict.label));
  if (row.rationale) body.push(textual('describing', row.rationale, 'text/markdown'));
  body.push(textual('tagging', row.type));
  for (const tag of row.tags ?? []) body.push(textual('tagging', tag));
  for (const s of row.sources) body.push({ type: 'SpecificResource', purpose: 'linking', source: { id: s.url, type: 'Text' } });
  // Claimdesk's own article page is HTML in the content language; of an external original only the language is known.
  const targetSource = row.article.url
    ? { id: row.article.url, type: 'Text', language: ctx.language }
    : { id: articlePermalink(ctx, row.article.id), type: 'Text', format: 'text/html', language: ctx.language };
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id: `${claimPermalink(ctx, row.id)}#annotation`,
    type: 'Annotation',
    motivation: 'assessing',
    created,
    modified,
    creator,
    generator: { id: ctx.origin, type: 'Software', name: 'Claimdesk' },
    body,
    target: {
      type: 'SpecificResource',
      source: targetSource,
      selector: [
        { type: 'TextQuoteSelector', exact: row.exact, prefix: row.prefix, suffix: row.suffix },
        { type: 'TextPositionSelector', start: row.start, end: row.end },
      ],
    },
  };
}

const str = JSON.stringify;
const num = (n: number) => (Number.isFinite(n) ? String(n) : 'null');

/**
 * `JSON.stringify(webAnnotation(row, ctx))`, written straight from the row: building the nested object and walking it
 * again cost most of a Web Annotation export, and every textual body repeats the same creator, language and times, so
 * that tail is written once per claim. Same bytes (tests/unit/export-web-annotation-bytes.test.ts checks it).
 */
export function webAnnotationText(row: ExportRow, ctx: ExportContext): string {
  const creator = `{"id":${str(userUrn(ctx, row.authorId))},"type":"Person","name":${str(row.authorName)}}`;
  const times = `"created":${str(isoDate(row.createdAt))},"modified":${str(isoDate(row.reviewedAt && row.reviewedAt > row.updatedAt ? row.reviewedAt : row.updatedAt))}`;
  const tail = `,"language":${str(ctx.language)},"creator":${creator},${times}}`;
  const textual = (purpose: string, value: string, format = 'text/plain') =>
    `{"type":"TextualBody","purpose":"${purpose}","value":${str(value)},"format":"${format}"${tail}`;
  const body: string[] = [];
  if (row.verdict) body.push(textual('assessing', row.verdict.label));
  if (row.rationale) body.push(textual('describing', row.rationale, 'text/markdown'));
  body.push(textual('tagging', row.type));
  for (const tag of row.tags ?? []) body.push(textual('tagging', tag));
  for (const s of row.sources) body.push(`{"type":"SpecificResource","purpose":"linking","source":{"id":${str(s.url)},"type":"Text"}}`);
  const language = str(ctx.language);
  const targetSource = row.article.url
    ? `{"id":${str(row.article.url)},"type":"Text","language":${language}}`
    : `{"id":${str(articlePermalink(ctx, row.article.id))},"type":"Text","format":"text/html","language":${language}}`;
  return (
    `{"@context":"http://www.w3.org/ns/anno.jsonld","id":${str(`${claimPermalink(ctx, row.id)}#annotation`)},"type":"Annotation"` +
    `,"motivation":"assessing",${times},"creator":${creator},"generator":{"id":${str(ctx.origin)},"type":"Software","name":"Claimdesk"}` +
    `,"body":[${body.join(',')}],"target":{"type":"SpecificResource","source":${targetSource},"selector":[` +
    `{"type":"TextQuoteSelector","exact":${str(row.exact)},"prefix":${str(row.prefix)},"suffix":${str(row.suffix)}},` +
    `{"type":"TextPositionSelector","start":${num(row.start)},"end":${num(row.end)}}]}}`
  );
}

/** A JSON array of Web Annotations, each with its own @context. */
export const webAnnotationFormat = jsonArrayFormat(
  webAnnotation,
  'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
  webAnnotationText,
);
