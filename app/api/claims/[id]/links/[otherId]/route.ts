import { apiRoute, routeId } from '@/lib/http/respond';
import { unlinkClaims } from '@/lib/matching/link-claims';

export const DELETE = apiRoute<{ id: string; otherId: string }>(async ({ actor, params }) => {
  await unlinkClaims({ actor, claimId: routeId(params.id), otherId: routeId(params.otherId) });
});
