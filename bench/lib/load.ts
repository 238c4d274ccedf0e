import autocannon from 'autocannon';
import { round } from './stats';

export type LoadSpec = {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  connections: number;
  /** Seconds. */
  duration: number;
  /** Hard cap on requests, so a very fast target cannot run away. */
  maxRequests?: number;
};

export type LoadFigures = {
  requests: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
};

/** Runs autocannon as a library against a local server (127.0.0.1 only), bounded in requests and time. */
export async function runLoad(spec: LoadSpec): Promise<LoadFigures> {
  const host = new URL(spec.url).hostname;
  if (host !== '127.0.0.1') throw new Error(`Load generation is only allowed against 127.0.0.1, not ${host}.`);
  const result = await autocannon({
    url: spec.url,
    method: spec.method ?? 'GET',
    headers: spec.headers,
    body: spec.body,
    connections: spec.connections,
    duration: spec.duration,
    maxOverallRequests: spec.maxRequests ?? 200_000,
    timeout: 10,
  });
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0]));
  return {
    requests: result.requests.total,
    rps: round(result.requests.average, 1),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    mean: round(result.latency.average),
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
  };
}
