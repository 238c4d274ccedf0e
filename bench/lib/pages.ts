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

export type PageTarget = { label: string; server: Server; cookie: string; path: string; rows: RegExp };
export type PageFigures = { status: number; bytes: number; rows: number; latency: Summary | null; location?: string };

/**
 * Times several pages round-robin (one request to each in turn), so load drifting on a shared machine hits every
 * target alike and their ratios stay readable. `rows` counts the rendered rows (list items, table rows) in the HTML.
 */
export async function timePagesInterleaved(targets: PageTarget[], runs = 30, warmup = 5): Promise<Record<string, PageFigures>> {
  const out: Record<string, PageFigures> = {};
  const live: PageTarget[] = [];
  for (const t of targets) {
    const first = await getPage(t.server, t.cookie, t.path);
    out[t.label] = {
      status: first.status,
      bytes: first.html.length,
      rows: (first.html.match(t.rows) ?? []).length,
      latency: null,
      location: first.location,
    };
    if (first.status === 200) live.push(t);
  }
  const samples = new Map<string, number[]>(live.map((t) => [t.label, []]));
  for (let i = 0; i < warmup + runs; i++) {
    for (const t of live) {
      const started = performance.now();
      const page = await getPage(t.server, t.cookie, t.path);
      if (page.status !== 200) throw new Error(`${t.path} (${t.label}) answered ${page.status} while timing.`);
      if (i >= warmup) samples.get(t.label)!.push(performance.now() - started);
    }
  }
  for (const t of live) out[t.label].latency = summarize(samples.get(t.label)!);
  return out;
}
