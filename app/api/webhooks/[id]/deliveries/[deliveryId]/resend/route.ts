import { apiRoute, routeId } from '@/lib/http/respond';
import { resendDelivery } from '@/lib/webhooks/resend-delivery';

/** "Send again": 201 with the id of the delivery that will be sent. */
export const POST = apiRoute<{ id: string; deliveryId: string }>(
  ({ actor, params }) => resendDelivery({ actor, webhookId: routeId(params.id), deliveryId: routeId(params.deliveryId) }),
  { status: 201 },
);
