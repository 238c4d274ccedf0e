import { apiRoute, queryObject, readJson } from '@/lib/http/respond';
import { createSource } from '@/lib/sources/create-source';
import { listSources } from '@/lib/sources/list-sources';

export const GET = apiRoute(({ req, actor }) => listSources({ actor, input: queryObject(req) }));

// 201 for a new source, 200 when the normalised URL was already known and that source is returned.
export const POST = apiRoute(async ({ req, actor }) => {
  const { source, created } = await createSource({ actor, input: await readJson(req) });
  return Response.json(source, { status: created ? 201 : 200 });
});
