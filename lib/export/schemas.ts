/**
 * JSON Schemas (draft 2020-12) for one exported ClaimReview and one Web Annotation, with Google's required
 * and recommended ClaimReview fields and the W3C model's MUSTs marked required. Tests validate every
 * exported item against them; integrators can reuse them to check a feed.
 */
const uri = { type: 'string', pattern: '^https?://[^\\s]+$' } as const;
const dateTime = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$' } as const;
const dateOrDateTime = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}' } as const;
const text = { type: 'string', minLength: 1 } as const;

const creativeWork = {
  type: 'object',
  required: ['@type', 'url'],
  properties: { '@type': { const: 'CreativeWork' }, url: uri, headline: text, datePublished: dateOrDateTime },
} as const;

export const claimReviewSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['@context', '@type', 'url', 'claimReviewed', 'reviewRating', 'author', 'datePublished', 'itemReviewed'],
  properties: {
    '@context': { const: 'https://schema.org' },
    '@type': { const: 'ClaimReview' },
    url: uri,
    claimReviewed: text,
    datePublished: dateTime,
    author: {
      type: 'object',
      required: ['@type', 'name', 'url'],
      properties: { '@type': { const: 'Organization' }, name: text, url: uri },
    },
    // A point on the scale has ratingValue with its bounds; an unrated verdict (Unproven…) only names itself.
    reviewRating: {
      type: 'object',
      required: ['@type', 'name', 'alternateName'],
      dependentRequired: { ratingValue: ['bestRating', 'worstRating'] },
      properties: {
        '@type': { const: 'Rating' },
        ratingValue: { type: 'integer' },
        bestRating: { type: 'integer' },
        worstRating: { type: 'integer' },
        name: text,
        alternateName: text,
      },
    },
    reviewBody: text,
    // The claim's tags, comma-separated.
    keywords: text,
    itemReviewed: {
      type: 'object',
      required: ['@type', 'author', 'appearance'],
      properties: {
        '@type': { const: 'Claim' },
        author: {
          type: 'object',
          required: ['@type', 'name'],
          properties: { '@type': { enum: ['Person', 'Organization'] }, name: text },
        },
        datePublished: dateOrDateTime,
        // One work, or every appearance of a linked claim family.
        appearance: { oneOf: [creativeWork, { type: 'array', minItems: 2, items: creativeWork }] },
        firstAppearance: creativeWork,
      },
    },
  },
} as const;

const language = { type: 'string', pattern: '^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$' } as const;
const agent = {
  type: 'object',
  required: ['id', 'type', 'name'],
  properties: { id: { type: 'string', pattern: '^(https?|urn):[^\\s]+$' }, type: { const: 'Person' }, name: text },
} as const;

const textualBody = {
  type: 'object',
  required: ['type', 'value', 'purpose', 'format', 'language', 'creator', 'created', 'modified'],
  properties: {
    type: { const: 'TextualBody' },
    value: { type: 'string' },
    purpose: { enum: ['assessing', 'describing', 'tagging', 'commenting', 'classifying'] },
    format: { enum: ['text/plain', 'text/markdown'] },
    language,
    creator: agent,
    created: dateTime,
    modified: dateTime,
  },
} as const;

// Evidence: a SpecificResource carries the purpose; the External Web Resource inside it may not (model 3.3.5).
const linkingBody = {
  type: 'object',
  required: ['type', 'purpose', 'source'],
  properties: {
    type: { const: 'SpecificResource' },
    purpose: { const: 'linking' },
    source: { type: 'object', required: ['id'], not: { required: ['purpose'] }, properties: { id: uri, type: { const: 'Text' } } },
  },
} as const;

export const webAnnotationSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['@context', 'id', 'type', 'body', 'target', 'creator', 'created', 'modified'],
  properties: {
    '@context': { const: 'http://www.w3.org/ns/anno.jsonld' },
    id: uri,
    type: { const: 'Annotation' },
    motivation: { const: 'assessing' },
    created: dateTime,
    modified: dateTime,
    creator: agent,
    body: {
      type: 'array',
      minItems: 1,
      items: {
        oneOf: [textualBody, linkingBody],
      },
    },
    target: {
      type: 'object',
      required: ['source', 'selector'],
      properties: {
        type: { const: 'SpecificResource' },
        source: {
          type: 'object',
          required: ['id', 'type', 'language'],
          properties: { id: uri, type: { const: 'Text' }, language, format: { const: 'text/html' } },
        },
        selector: {
          type: 'array',
          minItems: 2,
          prefixItems: [
            {
              type: 'object',
              required: ['type', 'exact', 'prefix', 'suffix'],
              properties: { type: { const: 'TextQuoteSelector' }, exact: text, prefix: { type: 'string' }, suffix: { type: 'string' } },
            },
            {
              type: 'object',
              required: ['type', 'start', 'end'],
              properties: { type: { const: 'TextPositionSelector' }, start: { type: 'integer', minimum: 0 }, end: { type: 'integer', minimum: 1 } },
            },
          ],
        },
      },
    },
  },
} as const;
