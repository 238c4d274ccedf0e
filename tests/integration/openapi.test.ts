/**
 * GET /api/openapi.json: one operation per route handler under app/api (and none more), a valid OpenAPI 3.1
 * document, request bodies and query parameters taken from the services' zod schemas, and answers of the real
 * handlers that match the documented response for their status.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { z } from 'zod';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createClaimInput } from '@/lib/claims/create-claim';
import { transitionInput } from '@/lib/review/transition-claim';
import { listClaimsInput } from '@/lib/claims/list-claims';
import { TAG_MAX } from '@/lib/claims/limits';
import { startSession } from '@/lib/auth/sessions';
import { freshDb } from './setup-db';
import { session } from './session-actor-mock';
import { discoverRouteHandlers, type RouteHandler } from './route-handlers';

vi.mock('@/lib/auth/current-actor', () => import('./session-actor-mock'));

type Schema = Record<string, unknown>;
type Operation = {
  parameters: Schema[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, Schema>;
  security?: unknown[];
};
type Doc = { openapi: string; paths: Record<string, Record<string, Operation>>; components: Schema };

const DOC_ID = 'https://claimdesk.invalid/openapi.json';
let doc: Doc;
let handlers: Map<string, RouteHandler>;
let ajv: Ajv2020;
let sids: { editor: string; reviewer: string; admin: string };

/** `'POST claims/[id]/transitions'` for `post` `/api/claims/{id}/transitions`. */
const keyOf = (method: string, path: string) => `${method.toUpperCase()} ${path.replace(/^\/api\//, '').replace(/\{(\w+)\}/g, '[$1]')}`;
const pathOf = (route: string) => `/api/${route.replace(/\[(\w+)\]/g, '{$1}')}`;
const pointer = (...parts: string[]) => '#/' + parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

function resolve(ref: string): unknown {
  return ref
    .slice(2)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], doc);
}

function refs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refs(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

beforeAll(async () => {
  const { actors } = await freshDb();
  sids = {
    editor: await startSession(actors.editor.id),
    reviewer: await startSession(actors.reviewer.id),
    admin: await startSession(actors.admin.id),
  };
  handlers = await discoverRouteHandlers();
  session.sid = null;
  const res = await handlers.get('GET openapi.json')!(new Request('http://localhost/api/openapi.json'), { params: Promise.resolve({}) });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  doc = (await res.json()) as Doc;
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc, DOC_ID);
});

describe('GET /api/openapi.json', () => {
  it('is public: it answers without a session', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/openapi.json'].get).toMatchObject({ security: [] });
  });

  it('has exactly one operation per route handler under app/api', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => keyOf(m, path)));
    const routes = [...handlers.keys()];
    expect(
      routes.filter((r) => !documented.includes(r)),
      'route handlers missing from the document',
    ).toEqual([]);
    expect(
      documented.filter((d) => !handlers.has(d)),
      'documented operations without a route handler',
    ).toEqual([]);
  });

  it('is a valid OpenAPI 3.1 document whose every $ref resolves and every schema compiles', async () => {
    const result = await new Validator().validate(structuredClone(doc));
    expect(result.errors, JSON.stringify(result.errors, null, 1)).toBeUndefined();
    expect(result.valid).toBe(true);
    const dangling = [...new Set(refs(doc))].filter((r) => !r.startsWith('#/') || resolve(r) === undefined);
    expect(dangling).toEqual([]);
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const i of op.parameters.keys())
          expect(ajv.getSchema(DOC_ID + pointer('paths', path, method, 'parameters', String(i), 'schema'))).toBeTypeOf('function');
        if (op.requestBody)
          expect(ajv.getSchema(DOC_ID + pointer('paths', path, method, 'requestBody', 'content', 'application/json', 'schema'))).toBeTypeOf(
            'function',
          );
      }
    }
  });

  it('documents the error body and the statuses of lib/errors.ts, with auth on every other operation', () => {
    const responses = doc.components.responses as Record<string, Schema>;
    expect(Object.keys(responses).sort()).toEqual(
      [
        'Conflict',
        'Forbidden',
        'Invalid',
        'NotFound',
        'TooLarge',
        'Unauthorized',
        'Unavailable',
        'Unprocessable',
        'UpstreamFailed',
        'UpstreamTimeout',
      ].sort(),
    );
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (path === '/api/openapi.json') continue;
        // Public operations (the one-time password link) need no credentials, so they never answer 401.
        if (op.security?.length === 0) expect(op.responses['401'], `${method} ${path}`).toBeUndefined();
        else expect(op.responses['401'], `${method} ${path}`).toEqual({ $ref: '#/components/responses/Unauthorized' });
        if (method !== 'get') expect(op.responses['403'], `${method} ${path}`).toBeDefined();
        if (path.includes('{')) expect(op.responses['404'], `${method} ${path}`).toBeDefined();
        if (op.requestBody) expect(op.responses['413'], `${method} ${path}`).toBeDefined();
      }
    }
  });

  it('takes request bodies and query parameters from the services’ zod schemas', () => {
    const body = (key: string) => {
      const [method, route] = key.split(' ');
      return doc.paths[pathOf(route)][method.toLowerCase()].requestBody!.content['application/json'].schema;
    };
    const requiredOf = (schema: z.ZodObject) => Object.keys(schema.shape).filter((k) => !schema.shape[k].isOptional());
    expect(body('POST claims').required).toEqual(requiredOf(createClaimInput));
    expect(body('POST claims').required).toEqual(['articleId', 'start', 'end', 'type']);
    expect(body('POST claims/[id]/transitions').required).toEqual(requiredOf(transitionInput));
    const fromZod: Record<string, unknown> = z.toJSONSchema(createClaimInput, { io: 'input' });
    delete fromZod.$schema;
    expect(body('POST claims')).toEqual(fromZod);
    // io: 'input': a field with a default is optional to send.
    expect(body('POST claims/[id]/reuse').required).not.toContain('confirmVariant');

    const params = doc.paths['/api/claims'].get.parameters;
    const listShape = Object.keys((listClaimsInput.def.out as z.ZodObject).shape);
    expect(params.map((p) => p.name)).toEqual(listShape);
    expect(params.find((p) => p.name === 'status')).toMatchObject({ in: 'query', style: 'form', explode: false, schema: { type: 'array' } });
    expect(doc.paths['/api/export'].get.parameters.find((p) => p.name === 'format')).toMatchObject({ required: true });
    // Exports filter by tag as the board does; the count takes the same filters.
    for (const path of ['/api/export', '/api/export/count']) {
      const tag = doc.paths[path].get.parameters.find((p) => p.name === 'tag');
      expect(tag).toMatchObject({ in: 'query', required: false, schema: { type: 'string', maxLength: TAG_MAX * 4 } });
      expect(tag?.description).toMatch(/tag/i);
    }
  });
});

type Who = keyof typeof sids | 'anon';
type Step = { who: Who; key: string; params?: Record<string, string>; query?: string; body?: unknown; status: number };

describe('answers of the real handlers', () => {
  let n = 0;
  const requestSchema = (key: string) => {
    const [method, route] = key.split(' ');
    return ajv.getSchema(DOC_ID + pointer('paths', pathOf(route), method.toLowerCase(), 'requestBody', 'content', 'application/json', 'schema'))!;
  };
  async function call(step: Step): Promise<unknown> {
    const [method, route] = step.key.split(' ');
    const url = `http://localhost${pathOf(route).replace(/\{(\w+)\}/g, (_, p: string) => step.params?.[p] ?? '')}${step.query ?? ''}`;
    session.sid = step.who === 'anon' ? null : sids[step.who];
    const init = step.body === undefined ? { method } : { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(step.body) };
    const res = await handlers.get(step.key)!(new Request(url, init), { params: Promise.resolve(step.params ?? {}) });
    const text = await res.text();
    expect(res.status, `${step.key} ${text.slice(0, 300)}`).toBe(step.status);
    const op = doc.paths[pathOf(route)][method.toLowerCase()];
    // What the service accepted, the documented request schema accepts too.
    if (step.body !== undefined && res.status < 300) {
      const accepts = requestSchema(step.key);
      expect(accepts(step.body), `${step.key} request: ${JSON.stringify(accepts.errors?.slice(0, 3))}`).toBe(true);
    }
    const documented = op.responses[String(res.status)];
    expect(documented, `${step.key} answered ${res.status}, which is not documented`).toBeDefined();
    n++;
    if (res.status === 204) return undefined;
    const type = res.headers
      .get('content-type')!
      .replace(/; charset=utf-8/, '')
      .replace(/; header=present/, '');
    const response = (documented.$ref ? resolve(documented.$ref as string) : documented) as { content: Record<string, unknown> };
    expect(Object.keys(response.content), `${step.key}: media type`).toContain(type);
    const base = documented.$ref ? `${documented.$ref}` : pointer('paths', pathOf(route), method.toLowerCase(), 'responses', String(res.status));
    const validate = ajv.getSchema(DOC_ID + base + pointer('content', type, 'schema').slice(1))!;
    const data = type === 'application/x-ndjson' || type === 'text/csv' ? text : JSON.parse(text);
    expect(validate(data), `${step.key} ${res.status}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    return data;
  }

  it('match the documented response of their status along the import-to-export flow', async () => {
    const content = 'Bridge tolls\n\nThe new bridge cost 40 million pounds, officials said. Traffic fell by a third.';
    const article = (await call({ who: 'editor', key: 'POST articles', body: { format: 'text', content }, status: 201 })) as {
      id: number;
      text: string;
    };
    const articleId = { id: String(article.id) };
    await call({ who: 'editor', key: 'GET articles', status: 200 });
    await call({ who: 'editor', key: 'GET articles/[id]', params: articleId, status: 200 });
    await call({ who: 'editor', key: 'POST articles/[id]/suggestions', params: articleId, status: 200 });
    const start = article.text.indexOf('The new bridge');
    const claim = (await call({
      who: 'editor',
      key: 'POST claims',
      body: { articleId: article.id, start, end: start + 'The new bridge cost 40 million pounds'.length, type: 'statistic', claimant: 'Officials' },
      status: 201,
    })) as { id: number; version: number };
    const claimId = { id: String(claim.id) };
    const edited = (await call({
      who: 'editor',
      key: 'PATCH claims/[id]',
      params: claimId,
      body: { version: claim.version, verdictId: 1, rationale: 'The **budget** says so.' },
      status: 200,
    })) as { version: number };
    await call({ who: 'editor', key: 'PATCH claims/[id]', params: claimId, body: { version: claim.version, note: 'stale' }, status: 409 });
    const link = (await call({
      who: 'editor',
      key: 'POST claims/[id]/sources',
      params: claimId,
      body: { url: 'https://example.org/budget', title: 'Budget', relation: 'supports', excerpt: '40 million', version: edited.version },
      status: 201,
    })) as { sourceId: number; claim: { version: number } };
    const submitted = (await call({
      who: 'editor',
      key: 'POST claims/[id]/transitions',
      params: claimId,
      body: { action: 'submit', version: link.claim.version },
      status: 200,
    })) as { version: number };
    await call({
      who: 'reviewer',
      key: 'POST claims/[id]/transitions',
      params: claimId,
      body: { action: 'approve', version: submitted.version },
      status: 200,
    });

    await call({ who: 'editor', key: 'GET claims', query: '?status=verified,in_review&limit=5', status: 200 });
    await call({ who: 'editor', key: 'GET claims/[id]', params: claimId, status: 200 });
    await call({ who: 'editor', key: 'GET claims/[id]/events', params: claimId, status: 200 });
    await call({ who: 'editor', key: 'GET claims/[id]/events', params: claimId, query: '?limit=2', status: 200 });
    await call({ who: 'editor', key: 'POST claims/[id]/events', params: claimId, body: { comment: 'Checked twice.' }, status: 201 });
    await call({ who: 'editor', key: 'GET claims/[id]/matches', params: claimId, status: 200 });
    await call({ who: 'editor', key: 'GET matches', query: '?text=bridge%20cost%2040%20million', status: 200 });
    await call({ who: 'editor', key: 'GET sources', status: 200 });
    await call({ who: 'editor', key: 'GET sources/[id]', params: { id: String(link.sourceId) }, status: 200 });
    await call({ who: 'editor', key: 'POST sources', body: { url: 'https://example.org/budget' }, status: 200 });
    await call({ who: 'editor', key: 'POST sources', body: { url: 'https://example.org/other', publishedAt: '2024-02-29' }, status: 201 });
    await call({ who: 'editor', key: 'GET search', query: '?q=bridge', status: 200 });
    for (const format of ['json', 'jsonl', 'csv', 'claimreview', 'webannotation']) {
      const items = await call({ who: 'editor', key: 'GET export', query: `?format=${format}`, status: 200 });
      if (format === 'json') expect((items as { id: number }[]).map((c) => c.id)).toContain(claim.id);
    }
    await call({ who: 'editor', key: 'GET export/count', query: '?format=csv', status: 200 });
    await call({ who: 'editor', key: 'GET verdicts', status: 200 });
    await call({ who: 'editor', key: 'POST tokens', body: { name: `script ${n}` }, status: 201 });
    await call({ who: 'editor', key: 'GET tokens', status: 200 });
    await call({ who: 'admin', key: 'GET users', status: 200 });
    await call({ who: 'admin', key: 'POST users', body: { email: 'new@example.com', name: 'New', role: 'editor' }, status: 201 });
    await call({ who: 'admin', key: 'GET audit', query: '?limit=3', status: 200 });

    // The rest of the writes with a body to check: a second claim linked to the first and reusing its verdict, a new
    // version of the article, and the admin's verdict scale and users.
    const other = (await call({ who: 'editor', key: 'POST claims', body: { articleId: 1, start: 0, end: 12, type: 'other' }, status: 201 })) as {
      id: number;
    };
    await call({ who: 'editor', key: 'POST claims/[id]/links', params: { id: String(other.id) }, body: { claimId: claim.id }, status: 201 });
    await call({
      who: 'editor',
      key: 'POST claims/[id]/reuse',
      params: { id: String(other.id) },
      body: { fromClaimId: claim.id, version: 1, confirmVariant: true },
      status: 200,
    });
    await call({
      who: 'editor',
      key: 'POST articles/[id]/versions',
      params: articleId,
      body: { format: 'text', content: `${content} Tolls rose.` },
      status: 201,
    });
    await call({ who: 'editor', key: 'PATCH sources/[id]', params: { id: String(link.sourceId) }, body: { notes: 'Page 12.' }, status: 200 });
    const verdict = (await call({
      who: 'admin',
      key: 'POST verdicts',
      body: { label: 'Satire', color: '#777777', rating: 1, unrated: true },
      status: 201,
    })) as { id: number };
    await call({ who: 'admin', key: 'PATCH verdicts/[id]', params: { id: String(verdict.id) }, body: { retired: true }, status: 200 });
    const user = (await call({ who: 'admin', key: 'GET users', status: 200 })) as { id: number; email: string }[];
    const newcomer = { id: String(user.find((u) => u.email === 'new@example.com')!.id) };
    await call({ who: 'admin', key: 'GET users/[id]', params: newcomer, status: 200 });
    await call({ who: 'admin', key: 'PATCH users/[id]', params: newcomer, body: { role: 'reviewer' }, status: 200 });
    await call({ who: 'admin', key: 'POST users/[id]/password', params: newcomer, body: {}, status: 200 });
    await call({ who: 'admin', key: 'GET users/[id]/tokens', params: newcomer, status: 200 });
  });

  it('match the documented error body for 400, 401, 403 and 404', async () => {
    const invalid = (await call({ who: 'editor', key: 'POST claims', body: { articleId: 1, start: 0 }, status: 400 })) as {
      error: { fields: Record<string, string> };
    };
    expect(Object.keys(invalid.error.fields)).toEqual(expect.arrayContaining(['end', 'type']));
    expect(requestSchema('POST claims')({ articleId: 1, start: 0 })).toBe(false);
    await call({ who: 'anon', key: 'GET claims', status: 401 });
    await call({ who: 'editor', key: 'GET users', status: 403 });
    await call({ who: 'editor', key: 'GET claims/[id]', params: { id: '999999' }, status: 404 });
    await call({ who: 'editor', key: 'GET export', query: '?format=pdf', status: 400 });
  });
});
