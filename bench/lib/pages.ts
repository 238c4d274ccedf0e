import type { Server } from './server';
import { summarize, timeRuns, type Summary } from './stats';

export type PageTiming = { status: number; bytes: number; latency: Summary | null; location?: string };

/** One authenticated GET; returns status, body and the redirect target (redirects are not followed). */
export async function getPage(server: Server, cookie: string, pathAndQuery: string): Promise<{ status: number; html: string; location?: string }> {
  const res = await fetch(`${server.baseUrl}${pathAndQuery}`, { headers: { cookie }, redirect: 'manual' });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') ?? undefined };
}

/**
 * Times sequential full server renders of a page (status 200 required), after warm-up.
 * Sequential on purpose: this is render latency, not throughput.
 */
export async function timePage(server: Server, cookie: string, pathAndQuery: string, runs = 30, warmup = 5): Promise<PageTiming> {
  const first = await getPage(server, cookie, pathAndQuery);
  if (first.status !== 200) return { status: first.status, bytes: first.html.length, latency: null, location: first.location };
  let bad = 0;
  const samples = await timeRuns(
    async () => {
      const page = await getPage(server, cookie, pathAndQuery);
      if (page.status !== 200) bad++;
    },
    runs,
    warmup,
  );
  if (bad) throw new Error(`${pathAndQuery} answered non-200 ${bad} times while timing.`);
  return { status: 200, bytes: first.html.length, latency: summarize(samples) };
}

/** Decodes the href of the first link whose query has `param`, e.g. the board's "next page" cursor link. */
export function findLink(html: string, param: string): string | null {
  for (const m of html.matchAll(/href="([^"]+)"/g)) {
    const href = m[1].replace(/&amp;/g, '&');
    if (href.includes(`${param}=`)) return href;
  }
  return null;
}
