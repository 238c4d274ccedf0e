import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { articles } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/guard';
import { NotFound } from '@/lib/errors';
import { idParam, parseInput } from '@/lib/validation';
import { changePoller } from './change-poller';
import { changeHead, listChanges, type ChangeView } from './list-changes';

export const HEARTBEAT_MS = 15_000;
const PAGE = 200;

export const streamInput = z.object({
  articleId: idParam.optional().describe("Only this article's changes (and the news of a newer version of it)."),
  lastEventId: z
    .string()
    .regex(/^(0|[1-9][0-9]{0,15})$/, 'Not an event id.')
    .transform(Number)
    .optional()
    .describe('Resume after this event id (for clients that reconnect by hand; a Last-Event-ID header takes precedence).'),
});

/** The first event of every stream: its `id` is where the stream starts, so a client that reopens by hand misses nothing. */
export const READY_TYPE = 'stream.ready';

type Options = {
  actor: Actor;
  /** Query parameters, with the Last-Event-ID header (when sent) as `lastEventId`. */
  input: unknown;
  /** Aborts when the client goes away. */
  signal: AbortSignal;
  /** Asks again whether the request's credentials still hold (null once revoked or disabled); run every heartbeat. */
  reauthorize: () => Promise<Actor | null>;
};

const encoder = new TextEncoder();
const frame = (id: number, data: object, event?: string) =>
  encoder.encode(`${event ? `event: ${event}\n` : ''}id: ${id}\ndata: ${JSON.stringify(data)}\n\n`);

/**
 * Server-Sent Events of the changes `actor` may see (list-changes.ts), from the change after `lastEventId` (or from
 * now), each with `id` = the change's id. Checks its input and the article (404) before any byte is sent. Wakes on
 * the process's shared poller, sends a comment heartbeat every 15 s (when it also re-checks the session or token and
 * picks up a role change), and stops when the client leaves.
 */
export async function openChangeStream({ actor, input, signal, reauthorize }: Options): Promise<ReadableStream<Uint8Array>> {
  assertCan(actor, 'claim:read');
  const { articleId, lastEventId } = parseInput(streamInput, input);
  const db = getDb();
  if (articleId !== undefined) {
    const [article] = await db.select({ id: articles.id }).from(articles).where(eq(articles.id, articleId)).limit(1);
    if (!article) throw NotFound('Article');
  }
  let viewer = actor;
  let cursor = lastEventId ?? (await changeHead(db));
  let closed = false;
  let stop = () => {};

  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (bytes: Uint8Array) => {
        if (!closed) controller.enqueue(bytes);
      };
      const close = () => {
        if (closed) return;
        stop();
        closed = true;
        controller.close();
      };
      // Sends everything in (cursor, upTo]; one pump at a time, a wake-up during a pump runs it again afterwards.
      let pumping = false;
      let wanted = 0;
      const pump = async (upTo: number) => {
        wanted = Math.max(wanted, upTo);
        if (pumping) return;
        pumping = true;
        try {
          while (!closed && wanted > cursor) {
            const target = wanted;
            const rows: ChangeView[] = await listChanges(db, { actor: viewer, articleId, after: cursor, upTo: target, limit: PAGE });
            for (const { id, ...data } of rows) send(frame(id, data));
            cursor = rows.length === PAGE ? rows[rows.length - 1].id : target;
          }
        } catch (error) {
          // The client reconnects with the last id it got and misses nothing.
          console.error('Live updates: reading the change feed failed', error);
          close();
        } finally {
          pumping = false;
        }
      };

      send(encoder.encode(`retry: 2000\n\n`));
      const unsubscribe = changePoller().subscribe((head) => void pump(head));
      const heartbeat = setInterval(() => {
        send(encoder.encode(': heartbeat\n\n'));
        void reauthorize().then(
          (again) => (again ? (viewer = again) : close()),
          () => close(),
        );
      }, HEARTBEAT_MS);
      heartbeat.unref();
      const onAbort = () => close();
      signal.addEventListener('abort', onAbort);
      stop = () => {
        unsubscribe();
        clearInterval(heartbeat);
        signal.removeEventListener('abort', onAbort);
      };
      if (signal.aborted) return close();
      // Catch up from lastEventId to the head, then say where the stream stands.
      void changeHead(db)
        .then((head) => pump(head))
        .then(() => send(frame(cursor, { type: READY_TYPE, claimId: null, articleId: articleId ?? null, status: null }, 'ready')))
        .catch(() => close());
    },
    cancel() {
      stop();
      closed = true;
    },
  });
}
