/** Next.js calls this once when the server starts: start the worker pool, so the first import does not wait for it. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { workPool } = await import('@/lib/workers/pool');
  workPool().ready.catch((error: unknown) => console.error('Worker pool failed to start:', error));
}
