import { readEnv } from '@/lib/env';
import { sendDueDeliveries, type SenderOptions } from './send-due-deliveries';

export type WebhookSender = { stop(): Promise<void> };

/**
 * Starts a loop that sends due webhook deliveries every `pollMs` (WEBHOOK_POLL_MS) until stopped. Every app process
 * runs one (instrumentation.ts); the queue is the webhook_deliveries table and each try is taken under a lease, so any
 * number of processes share it, and what one leaves behind (stopped, restarted, crashed) another sends.
 */
export function startWebhookSender(options: SenderOptions & { pollMs?: number } = {}): WebhookSender {
  const pollMs = options.pollMs ?? readEnv().WEBHOOK_POLL_MS;
  let stopped = false;
  let wake: (() => void) | null = null;
  const loop = (async () => {
    while (!stopped) {
      try {
        // A full batch means more may be waiting: go again at once.
        if ((await sendDueDeliveries(options)) >= (options.batch ?? 10)) continue;
      } catch (error) {
        console.error('Webhook sender:', error);
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        timer.unref?.();
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  })();
  return {
    async stop() {
      stopped = true;
      (wake as (() => void) | null)?.();
      await loop; // a try in flight finishes and is recorded
    },
  };
}

const holder = globalThis as unknown as { __claimdeskWebhookSender?: WebhookSender };

/** The app process's one sender (instrumentation.ts calls this once; hot reloads do not start a second). */
export function startAppWebhookSender(): void {
  holder.__claimdeskWebhookSender ??= startWebhookSender();
}
