import { AppError, Invalid, STATUS_BY_CODE, TooLarge } from '@/lib/errors';
import { requireActor } from '@/lib/auth/current-actor';
import { assertSameOrigin } from '@/lib/auth/request-origin';
import type { Actor } from '@/lib/auth/permissions';
import { parseId } from '@/lib/validation';

/** Default request body limit for JSON route handlers. */
const MAX_JSON_BYTES = 256 * 1024;

/** The API's one error body, `{error: {code, message, fields?}}`, for any thrown value (unknown errors become a logged 500). */
function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return Response.json(
      { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } },
      { status: STATUS_BY_CODE[error.code] },
    );
  }
  console.error(error);
  return Response.json({ error: { code: 'internal', message: 'Something went wrong on the server.' } }, { status: 500 });
}

/** Reads a JSON body of at most `maxBytes`; throws TooLarge or Invalid. */
export async function readJson(req: Request, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  const declared = Number(req.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw TooLarge(`Request body is larger than ${Math.round(maxBytes / 1024)} KB.`);
  const text = await req.text();
  if (Buffer.byteLength(text) > maxBytes) throw TooLarge(`Request body is larger than ${Math.round(maxBytes / 1024)} KB.`);
  try {
    return JSON.parse(text);
  } catch {
    throw Invalid('Request body is not valid JSON.');
  }
}

type Ctx<P> = { params: Promise<P> };
type Handler<P> = (args: { req: Request; actor: Actor; params: P }) => unknown | Promise<unknown>;

/**
 * Wraps a route handler: origin check, session actor (401 without), then maps the result
 * (undefined -> 204, Response as is, else JSON with `status`) and typed errors to the API's error body.
 */
export function apiRoute<P = Record<string, never>>(handler: Handler<P>, options: { status?: number } = {}) {
  return wrap<P>(async (req, params) => handler({ req, actor: await requireActor(), params }), options);
}

/**
 * Like apiRoute for the few anonymous routes, where a credential in the body (a one-time link's token) stands in
 * for the session: origin check, no actor, the same result and error mapping.
 */
export function publicRoute<P = Record<string, never>>(handler: (args: { req: Request; params: P }) => unknown, options: { status?: number } = {}) {
  return wrap<P>((req, params) => handler({ req, params }), options);
}

function wrap<P>(handler: (req: Request, params: P) => unknown, options: { status?: number }) {
  return async (req: Request, ctx: Ctx<P>): Promise<Response> => {
    try {
      assertSameOrigin(req);
      const result = await handler(req, await ctx.params);
      if (result instanceof Response) return result;
      if (result === undefined) return new Response(null, { status: 204 });
      return Response.json(result, { status: options.status ?? 200 });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** Parses a route id (plain decimal only, see parseId), mapping anything else to 404: an id that cannot exist is not found. */
export function routeId(raw: string): number {
  const id = parseId(raw);
  if (id === null) throw new AppError('not_found', 'Not found.');
  return id;
}

/** URL search params as a plain object for zod (repeated keys joined by commas). */
export function queryObject(req: Request): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URL(req.url).searchParams) out[k] = k in out ? `${out[k]},${v}` : v;
  return out;
}
