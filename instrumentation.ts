/**
 * Next.js calls this once when the server starts, before any request: start the worker pool, so the first import does
 * not wait for it, start the webhook sender, and load the auth secret (on PostgreSQL it lives in the database; next-auth reads it synchronously).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { workPool } = await import('@/lib/workers/pool');
  workPool().ready.catch((error: unknown) => console.error('Worker pool failed to start:', error));
  const { loadAuthSecret } = await import('@/lib/auth/secret');
  // If the database is unreachable now, the auth route and cookie check load it again on their first request.
  await loadAuthSecret().catch((error: unknown) => console.error('Could not load the auth secret:', error));
  // Every instance sends webhook deliveries from the shared outbox table (leases keep two from sending one try).
  const { startAppWebhookSender } = await import('@/lib/webhooks/start-sender');
  startAppWebhookSender();
}
