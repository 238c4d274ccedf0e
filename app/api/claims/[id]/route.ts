import { apiRoute, readJson, routeId } from '@/lib/http/respond';
import { getClaim } from '@/lib/claims/get-claim';
import { updateClaim } from '@/lib/claims/update-claim';
import { deleteClaim } from '@/lib/claims/delete-claim';

type P = { id: string };

export const GET = apiRoute<P>(({ actor, params }) => getClaim({ actor, id: routeId(params.id) }));

export const PATCH = apiRoute<P>(async ({ req, actor, params }) => updateClaim({ actor, id: routeId(params.id), input: await readJson(req) }));

export const DELETE = apiRoute<P>(({ actor, params }) => deleteClaim({ actor, id: routeId(params.id) }));
