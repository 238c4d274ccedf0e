import { apiRoute, readJson, routeId } from '@/lib/http/respond';
import { getSource } from '@/lib/sources/get-source';
import { updateSource } from '@/lib/sources/update-source';
import { deleteSource } from '@/lib/sources/delete-source';

type P = { id: string };

export const GET = apiRoute<P>(({ actor, params }) => getSource({ actor, id: routeId(params.id) }));

export const PATCH = apiRoute<P>(async ({ req, actor, params }) => updateSource({ actor, id: routeId(params.id), input: await readJson(req) }));

export const DELETE = apiRoute<P>(({ actor, params }) => deleteSource({ actor, id: routeId(params.id) }));
