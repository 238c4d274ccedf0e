/** Success bodies that are not one JSON view: the export file in each format, and the OpenAPI document itself. */
import { z } from 'zod';
import { claimReviewSchema, webAnnotationSchema } from '@/lib/export/schemas';
import { CLAIM_STATUSES, CLAIM_TYPES, CLAIMANT_KINDS, SOURCE_RELATIONS } from '@/db/schema';
import { id } from './view-registry';

/** Media type -> schema of the body (a zod schema, converted like the views, or a JSON Schema as is). */
export type RawContent = { description: string; content: Record<string, z.ZodType | Record<string, unknown>> };

/**
 * A JSON Schema without `$schema` and `$id`: inside an OpenAPI 3.1 document every schema already uses its dialect
 * (JSON Schema 2020-12), and components are named by their place in the document.
 */
export function embedded(schema: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...schema };
  delete copy.$schema;
  delete copy.$id;
  return copy;
}

const exportArticle = { id, title: z.string(), url: z.string().nullable(), publisher: z.string().nullable(), publishedAt: z.string().nullable() };
/** One claim of the JSON and JSON Lines exports (lib/export/formats/json.ts; view-checks.ts ties the two). */
export const exportedClaimView = z.object({
  id,
  url: z.string(),
  status: z.enum(CLAIM_STATUSES),
  type: z.enum(CLAIM_TYPES),
  claimText: z.string(),
  claimant: z.string(),
  claimantKind: z.enum(CLAIMANT_KINDS).nullable(),
  summary: z.string(),
  quote: z.object({ exact: z.string(), prefix: z.string(), suffix: z.string(), start: z.number().int(), end: z.number().int() }),
  verdict: z.object({ id, label: z.string(), rating: z.number().int(), unrated: z.boolean() }).nullable(),
  rationale: z.string().describe('Markdown, as written.'),
  rationaleText: z.string().describe('The rationale as plain text.'),
  sources: z.array(z.object({ url: z.string(), title: z.string(), publisher: z.string(), relation: z.enum(SOURCE_RELATIONS), excerpt: z.string() })),
  tags: z.array(z.string()).describe('Free-text tags, lower case, sorted.'),
  article: z.object({ ...exportArticle, permalink: z.string() }),
  author: z.string(),
  reviewer: z.string().nullable(),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  familyId: id.nullable(),
  appearances: z.array(z.object({ claimId: id, article: z.object(exportArticle) })),
});

export const EXPORT_CONTENT: RawContent = {
  description:
    'The export as a download (`content-disposition: attachment`), streamed; the media type follows `format`. ' +
    'CSV is RFC 4180 with a UTF-8 byte order mark unless `bom=0`; JSON Lines has one exported claim per line.',
  content: {
    'text/csv': { type: 'string' },
    'application/json': z.array(exportedClaimView),
    'application/x-ndjson': { type: 'string' },
    'application/ld+json': { type: 'array', description: 'schema.org ClaimReview items.', items: embedded(claimReviewSchema) },
    'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"': {
      type: 'array',
      description: 'W3C Web Annotation items.',
      items: embedded(webAnnotationSchema),
    },
  },
};

export const OPENAPI_CONTENT: RawContent = {
  description: 'This document.',
  content: { 'application/json': { type: 'object', required: ['openapi', 'info', 'paths'] } },
};

export const STREAM_CONTENT: RawContent = {
  description:
    'A `text/event-stream` that stays open: first an event `ready` (its `id` is where the stream starts), then one ' +
    'unnamed event per change: `id` is the change id, `data` is JSON `{type, claimId, articleId, status, actorId, actorName, at}` ' +
    '(`type` is `claim.<action>` such as `claim.created`, `claim.approved`, `claim.deleted`, or `article.<what>` such as ' +
    '`article.new_version`). A comment line every 15 seconds keeps it alive.',
  content: { 'text/event-stream': { type: 'string' } },
};
