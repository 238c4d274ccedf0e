import { openApiDocument } from '@/lib/api/openapi-document';

let body: string | undefined;

/** The OpenAPI 3.1 description of the JSON API. Public: it describes the routes and holds no data. */
export function GET(): Response {
  body ??= JSON.stringify(openApiDocument());
  return new Response(body, { headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300' } });
}
