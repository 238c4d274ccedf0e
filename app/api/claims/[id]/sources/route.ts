import { apiRoute, readJson, routeId } from '@/lib/http/respond';
import { attachSource } from '@/lib/sources/attach-source';

export const POST = apiRoute<{ id: string }>(
  async ({ req, actor, params }) => attachSource({ actor, claimId: routeId(params.id), input: await readJson(req) }),
  { status: 201 },
);
