import { apiRoute, readJson, routeId } from '@/lib/http/respond';
import { reuseVerdict } from '@/lib/matching/reuse-verdict';

export const POST = apiRoute<{ id: string }>(async ({ req, actor, params }) =>
  reuseVerdict({ actor, claimId: routeId(params.id), input: await readJson(req) }),
);
