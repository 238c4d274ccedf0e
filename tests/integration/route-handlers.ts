import fs from 'node:fs';
import path from 'node:path';

export type RouteHandler = (req: Request, ctx: { params: Promise<unknown> }) => Promise<Response>;

/** Routes served by a library, not by our services: next-auth's own endpoints. */
const EXCLUDED = new Set(['auth/[...nextauth]']);
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** `'<METHOD> <route folder under app/api>'` for every handler a route file exports, so a test can demand a row for each. */
export async function discoverRouteHandlers(): Promise<Map<string, RouteHandler>> {
  const root = path.resolve(__dirname, '../../app/api');
  const found = new Map<string, RouteHandler>();
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) return walk(full);
      return /^route\.(ts|tsx|js)$/.test(e.name) ? [full] : [];
    });
  for (const file of walk(root)) {
    const route = path.relative(root, path.dirname(file)).split(path.sep).join('/');
    if (EXCLUDED.has(route)) continue;
    const mod = (await import(file)) as Record<string, unknown>;
    for (const method of METHODS) if (typeof mod[method] === 'function') found.set(`${method} ${route}`, mod[method] as RouteHandler);
  }
  return found;
}

/** What a test sends to one route: values for its [param] folders (each '1' when not given), a query string, a JSON body. */
export type RouteCall = { params?: Record<string, string>; query?: string; body?: unknown };

/** Calls `handler`, the route `key` ('METHOD folder'), as Next would: a Request to its path with the call's params. */
export function callRoute(key: string, handler: RouteHandler, call: RouteCall): Promise<Response> {
  const [method, route] = key.split(' ');
  const urlPath = route.replace(/\[(\w+)\]/g, (_, name: string) => call.params?.[name] ?? '1');
  const req = new Request(`http://localhost/api/${urlPath}${call.query ?? ''}`, {
    method,
    headers: call.body === undefined ? {} : { 'content-type': 'application/json' },
    body: call.body === undefined ? undefined : JSON.stringify(call.body),
  });
  return handler(req, { params: Promise.resolve(call.params ?? {}) });
}
