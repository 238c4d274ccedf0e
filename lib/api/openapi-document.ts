import { z } from 'zod';
import { STATUS_BY_CODE, type ErrorCode } from '@/lib/errors';
import { SESSION_COOKIES } from '@/lib/auth/session-cookie';
import { idParam } from '@/lib/validation';
import pkg from '@/package.json';
import { apiViews } from './view-registry';
import { API_OPERATIONS, type ApiOperation, type ErrorStatus, type Success } from './routes';
import { embedded } from './raw-content';

type Schema = Record<string, unknown>;

const CODE_BY_STATUS = Object.fromEntries(Object.entries(STATUS_BY_CODE).map(([code, status]) => [status, code])) as Record<ErrorStatus, ErrorCode>;

/** The body of every error answer (lib/http/respond.ts); `internal` is the 500 of an unexpected failure. */
export const errorBody = z.object({
  error: z.object({
    code: z.enum([...(Object.keys(STATUS_BY_CODE) as ErrorCode[]), 'internal']),
    message: z.string().describe('For people: safe to show as is.'),
    fields: z.record(z.string(), z.string()).optional().describe('With `invalid`: the first problem of each bad field, by field path.'),
  }),
});

const ERROR_TEXT: Record<ErrorStatus, string> = {
  400: 'Invalid input (a body that is not JSON, a bad field, a bad query parameter); `fields` names each bad field.',
  401: 'No valid session cookie or API token (also a revoked token, or a disabled user).',
  403: 'Not allowed for your role, or a write whose Origin header is not this app.',
  404: 'Not found, or hidden from you (another editor’s draft while `editors_see_drafts` is off).',
  409: 'Conflict: a stale `version` (naming who changed it), a step the current status does not allow, or a duplicate.',
  413: 'Too large: the request body, or a document that breaks an import limit.',
  422: 'The linked page is not an article (or is behind a paywall).',
  502: 'The linked site failed or refused.',
  503: 'The work took longer than its time budget, or the server is too busy to start it; nothing was stored.',
  504: 'The linked site timed out.',
};

const ref = (id: string) => `#/components/schemas/${id}`;
const pascal = (s: string) => s.replace(/(^|[_.-])(\w)/g, (_, __, c: string) => c.toUpperCase());

/** A zod schema as embedded JSON Schema 2020-12 (the dialect of OpenAPI 3.1), so without `$schema`. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Schema {
  return embedded(z.toJSONSchema(schema, { io }) as Schema);
}

/** The `#/components/schemas` reference of a registered view; throws for an unregistered one. */
function viewRef(schema: z.ZodType): Schema {
  const meta = apiViews.get(schema);
  if (!meta) throw new Error('A response schema must be registered with view() to be referenced.');
  return { $ref: ref(meta.id) };
}

const isZod = (v: unknown): v is z.ZodType => typeof v === 'object' && v !== null && '_zod' in v;
const isArraySchema = (s: Schema): boolean => s.type === 'array' || (Array.isArray(s.anyOf) && (s.anyOf as Schema[]).some(isArraySchema));

/** `/api/claims/{id}` for the route folder `claims/[id]`. */
export function apiPath(route: string): string {
  return `/api/${route.replace(/\[(\w+)\]/g, '{$1}')}`;
}

function queryParameters(schema: z.ZodType): Schema[] {
  const object = jsonSchema(schema, 'input') as { properties?: Record<string, Schema>; required?: string[] };
  if (!object.properties) throw new Error('A query schema must be an object.');
  return Object.entries(object.properties).map(([name, s]) => ({
    name,
    in: 'query',
    required: object.required?.includes(name) ?? false,
    ...(typeof s.description === 'string' ? { description: s.description } : {}),
    schema: s,
    // Lists are comma-separated (`status=draft,in_review`); repeating the parameter works too.
    ...(isArraySchema(s) ? { style: 'form', explode: false } : {}),
  }));
}

function success(body: Success): Schema {
  if (body === null) return { description: 'Done; no content.' };
  const describe = (s: z.ZodType) => apiViews.get(s)?.description ?? '';
  if (Array.isArray(body)) {
    return { description: body.map(describe).join(' Or: '), content: { 'application/json': { schema: { oneOf: body.map(viewRef) } } } };
  }
  if (isZod(body)) return { description: describe(body), content: { 'application/json': { schema: viewRef(body) } } };
  const content = Object.fromEntries(Object.entries(body.content).map(([type, s]) => [type, { schema: isZod(s) ? jsonSchema(s, 'output') : s }]));
  return { description: body.description, content };
}

function operation(method: string, route: string, op: ApiOperation): Schema {
  const pathParams = [...route.matchAll(/\[(\w+)\]/g)].map(([, name]) => ({
    name,
    in: 'path',
    required: true,
    schema: jsonSchema(idParam, 'input'),
  }));
  const errors = new Set<ErrorStatus>(op.errors);
  if (!op.public) errors.add(401);
  if (method !== 'GET') errors.add(403);
  if (pathParams.length) errors.add(404);
  if (op.body || op.query) errors.add(400);
  if (op.body) errors.add(413);
  const responses: Record<string, Schema> = {};
  for (const [status, body] of Object.entries(op.ok)) responses[status] = success(body);
  for (const status of [...errors].sort((a, b) => a - b)) responses[status] = { $ref: `#/components/responses/${pascal(CODE_BY_STATUS[status])}` };
  return {
    operationId:
      method.toLowerCase() +
      route
        .split('/')
        .map((s) => (s.startsWith('[') ? `By${pascal(s.slice(1, -1))}` : pascal(s)))
        .join(''),
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [route.split(/[/.]/)[0]],
    ...(op.public ? { security: [] } : {}),
    parameters: [...pathParams, ...(op.query ? queryParameters(op.query) : [])],
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(op.body, 'input') } } } } : {}),
    responses,
  };
}

function components(): Schema {
  const views = z.toJSONSchema(apiViews, { uri: ref, metadata: apiViews }).schemas;
  const schemas: Record<string, Schema> = { Error: jsonSchema(errorBody, 'output') };
  for (const [id, schema] of Object.entries(views)) schemas[id] = embedded(schema as Schema);
  const responses = Object.fromEntries(
    (Object.keys(ERROR_TEXT).map(Number) as ErrorStatus[]).map((status) => {
      const code = CODE_BY_STATUS[status];
      const schema = { allOf: [{ $ref: ref('Error') }, { properties: { error: { properties: { code: { const: code } } } } }] };
      return [pascal(code), { description: `${ERROR_TEXT[status]} (\`${code}\`)`, content: { 'application/json': { schema } } }];
    }),
  );
  const securitySchemes = {
    bearerToken: {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'cdk_…',
      description:
        'A personal API token: create one on the Account page (or with `POST /api/tokens`); it acts as its user, with that ' +
        'role. A password change or reset revokes all of the user’s tokens. A request with an Authorization header never falls back to the cookie.',
    },
    sessionCookie: {
      type: 'apiKey',
      in: 'cookie',
      name: SESSION_COOKIES[1],
      description: `The browser session after signing in (\`${SESSION_COOKIES[0]}\` when the app runs on https).`,
    },
  };
  return { schemas, responses, securitySchemes };
}

/** The OpenAPI 3.1 document of the JSON API, built from API_OPERATIONS. Throws when a schema cannot be expressed. */
export function openApiDocument(): Schema {
  const paths: Record<string, Record<string, Schema>> = {};
  for (const [key, op] of Object.entries(API_OPERATIONS)) {
    const [method, route] = key.split(' ');
    (paths[apiPath(route)] ??= {})[method.toLowerCase()] = operation(method, route, op);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Claimdesk JSON API',
      version: pkg.version,
      description:
        'JSON in and out under `/api`. Authenticate with a personal API token (`Authorization: Bearer cdk_…`) or the session ' +
        'cookie. Errors answer `{ "error": { "code", "message", "fields"? } }`. Writes to claims send the `version` they read ' +
        'and get 409 when it is stale. A walk-through with curl is in docs/api.md of the Claimdesk repository.',
    },
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    paths,
    components: components(),
  };
}
