import { apiRoute, readJson, routeId } from '@/lib/http/respond';
import { updateVerdict } from '@/lib/verdicts/update-verdict';
import { deleteVerdict } from '@/lib/verdicts/delete-verdict';

type P = { id: string };

export const PATCH = apiRoute<P>(async ({ req, actor, params }) => updateVerdict({ actor, id: routeId(params.id), input: await readJson(req) }));

export const DELETE = apiRoute<P>(({ actor, params }) => deleteVerdict({ actor, id: routeId(params.id) }));
