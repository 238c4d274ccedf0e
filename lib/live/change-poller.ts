import { getDb } from '@/db/client';
import { changeHead } from './list-changes';

/** How often the shared poller asks the database for the newest change id. */
export const POLL_MS = 500;

type Listener = (head: number) => void;

/**
 * One poller per process for every live stream it serves: a single cheap `max(id)` query per tick, whatever the
 * number of open streams, and a wake-up for each stream (which then reads what its actor may see) only when the head
 * moved. The database stays the only source of events, so streams on other app instances see the same changes.
 * It runs only while someone listens.
 */
class ChangePoller {
  private listeners = new Set<Listener>();
  private timer: NodeJS.Timeout | null = null;
  private head = -1;
  private polling = false;
  private failing = false;

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (!this.timer) {
      this.timer = setInterval(() => void this.tick(), POLL_MS);
      // An open stream is no reason to keep a process (a test worker, a stopping server) alive.
      this.timer.unref();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = null;
        this.head = -1;
      }
    };
  }

  get size(): number {
    return this.listeners.size;
  }

  private async tick(): Promise<void> {
    // A slow query is not stacked on: the next tick after it finishes asks again.
    if (this.polling) return;
    this.polling = true;
    try {
      const head = await changeHead(getDb());
      this.failing = false;
      if (head === this.head) return;
      this.head = head;
      for (const listener of this.listeners) listener(head);
    } catch (error) {
      // Logged once per outage, not every half second; the streams keep their cursor and catch up afterwards.
      if (!this.failing) console.error('Live updates: polling the change feed failed', error);
      this.failing = true;
    } finally {
      this.polling = false;
    }
  }
}

const KEY = Symbol.for('claimdesk.changePoller');
const holder = globalThis as typeof globalThis & { [KEY]?: ChangePoller };

/** The process's poller (kept on globalThis: route bundles that each load this module still share one). */
export function changePoller(): ChangePoller {
  return (holder[KEY] ??= new ChangePoller());
}
