import { apiRoute, queryObject } from '@/lib/http/respond';
import { actorRecheck } from '@/lib/auth/current-actor';
import { openChangeStream } from '@/lib/live/open-change-stream';

/** Server-Sent Events of the changes the actor may see (lib/live/open-change-stream.ts). */
export const GET = apiRoute(async ({ req, actor }) => {
  const query = queryObject(req);
  // The header wins: a browser reconnecting by itself sends the newest id there, next to the query it opened with.
  const resumeFrom = req.headers.get('last-event-id')?.trim();
  const input = resumeFrom ? { ...query, lastEventId: resumeFrom } : query;
  const stream = await openChangeStream({ actor, input, signal: req.signal, reauthorize: await actorRecheck() });
  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      // no-transform keeps Next.js's gzip (and any proxy that honours it) from holding events back in a buffer.
      'cache-control': 'no-cache, no-transform',
      'x-accel-buffering': 'no',
    },
  });
});
