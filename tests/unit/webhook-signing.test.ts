import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signatureHeader, verifySignature } from '@/lib/webhooks/sign-payload';
import { MAX_RETRY_DELAY_MS, nextAttemptAfter } from '@/lib/webhooks/retry-schedule';

describe('signatureHeader', () => {
  it('is t=<seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">, as a receiver recomputes it', () => {
    const body = '{"event":"claim.verified"}';
    const expected = createHmac('sha256', 'sekrit').update(`1700000000.${body}`).digest('hex');
    expect(signatureHeader('sekrit', body, 1700000000)).toBe(`t=1700000000,v1=${expected}`);
  });

  it('verifies only the same body, secret and a recent timestamp', () => {
    const header = signatureHeader('sekrit', 'body', 1000);
    expect(verifySignature('sekrit', 'body', header, 1100)).toBe(true);
    expect(verifySignature('sekrit', 'body!', header, 1100)).toBe(false);
    expect(verifySignature('other', 'body', header, 1100)).toBe(false);
    expect(verifySignature('sekrit', 'body', header, 1000 + 301)).toBe(false);
    expect(verifySignature('sekrit', 'body', 'garbage', 1000)).toBe(false);
  });
});

describe('nextAttemptAfter', () => {
  const created = new Date('2026-01-01T00:00:00Z');
  const at = (ms: number) => new Date(created.getTime() + ms);

  it('waits the base, then doubles (30 s, 1, 2, 4 min...), capped at an hour from the 8th failure', () => {
    const delays = [1, 2, 3, 4, 8, 20].map((n) => nextAttemptAfter(n, created, created, 30_000)!.getTime() - created.getTime());
    expect(delays).toEqual([30_000, 60_000, 120_000, 240_000, MAX_RETRY_DELAY_MS, MAX_RETRY_DELAY_MS]);
  });

  it('gives up (null) once the next try would fall past 24 h after queueing', () => {
    expect(nextAttemptAfter(30, at(23 * 3600_000), created, 30_000)).toEqual(at(24 * 3600_000));
    expect(nextAttemptAfter(30, at(23 * 3600_000 + 1), created, 30_000)).toBeNull();
  });
});
