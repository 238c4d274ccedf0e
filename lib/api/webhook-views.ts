/**
 * zod descriptions of the webhook and verified-feed answers (issue 18); the compile-time checks at the end tie them to
 * the services' return types like view-checks.ts does for the rest.
 */
import { z } from 'zod';
import { DELIVERY_STATUSES, WEBHOOK_EVENTS } from '@/db/schema';
import type { listWebhooks } from '@/lib/webhooks/list-webhooks';
import type { listDeliveries } from '@/lib/webhooks/list-deliveries';
import { dateTime, id, page, view } from './view-registry';
import { exportedClaimView } from './raw-content';

export const webhookView = view(
  'Webhook',
  'A registered webhook (never its secret) with how many of its deliveries are pending, delivered and failed.',
  z.object({
    id,
    url: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENTS)),
    active: z.boolean(),
    createdAt: dateTime,
    pending: z.number().int(),
    delivered: z.number().int(),
    failed: z.number().int(),
  }),
);
export const webhookListView = view('WebhookList', 'Every webhook, oldest first.', z.array(webhookView));
export const createdIdView = view('CreatedId', 'The id of what was created or queued.', z.object({ id }));

export const deliveryPageView = view(
  'DeliveryPage',
  "A webhook's delivery log, newest first; `nextAttemptAt` is null once delivered or failed.",
  page(
    z.object({
      id,
      event: z.enum(WEBHOOK_EVENTS),
      claimId: id.nullable(),
      articleId: id.nullable(),
      status: z.enum(DELIVERY_STATUSES),
      attempts: z.number().int(),
      lastStatusCode: z.number().int().nullable(),
      lastError: z.string().nullable(),
      lastAttemptAt: dateTime.nullable(),
      nextAttemptAt: dateTime.nullable(),
      deliveredAt: dateTime.nullable(),
      createdAt: dateTime,
    }),
  ),
);

export const verifiedFeedView = view(
  'VerifiedFeed',
  'Verified claims changed since the cursor, each once with its current state: `verified` with the claim as the JSON export ' +
    'has it and its ClaimReview, or `withdrawn` (no longer verified: unpublish it). Pass `nextCursor` as `since` next time.',
  z.object({
    items: z.array(
      z.object({
        claimId: id,
        state: z.enum(['verified', 'withdrawn']),
        claim: exportedClaimView.optional(),
        claimReview: z.record(z.string(), z.unknown()).describe('schema.org ClaimReview, as the claimreview export writes it.').optional(),
      }),
    ),
    nextCursor: z.string(),
    hasMore: z.boolean(),
  }),
);

/** A value as JSON.parse(JSON.stringify(value)) gives it back (dates become strings). */
type Json<T> = T extends Date ? string : T extends readonly (infer U)[] ? Json<U>[] : T extends object ? { [K in keyof T]: Json<T[K]> } : T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type WebhookViewChecks = [
  Same<z.output<typeof webhookListView>, Json<Awaited<ReturnType<typeof listWebhooks>>>>,
  Same<z.output<typeof deliveryPageView>, Json<Awaited<ReturnType<typeof listDeliveries>>>>,
] extends [true, true]
  ? true
  : never;
export const webhookViewsMatch: WebhookViewChecks = true;
