/** Latency summary in milliseconds, rounded to 0.01 ms. */
export type Summary = { n: number; min: number; p50: number; p95: number; p99: number; max: number; mean: number };

/** Rounds to two decimals so the JSON stays readable. */
export const round = (x: number, digits = 2): number => Number(x.toFixed(digits));

/** Nearest-rank percentile of an ascending array. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** min, percentiles, max and mean of a list of samples (ms). */
export function summarize(samples: readonly number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  return {
    n: s.length,
    min: round(s[0]),
    p50: round(percentile(s, 50)),
    p95: round(percentile(s, 95)),
    p99: round(percentile(s, 99)),
    max: round(s[s.length - 1]),
    mean: round(mean),
  };
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times sequentially; returns the duration of each run in ms. */
export async function timeRuns(fn: () => unknown, runs: number, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}

/** a / b rounded, or null when either side is missing. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  return a == null || b == null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0 ? null : round(a / b);
}

/**
 * Like timeRuns for synchronous in-process work, also recording this process's CPU time per run:
 * on a shared machine wall time includes waiting for a core, CPU time does not.
 */
export async function timeRunsWithCpu(fn: () => unknown, runs: number, warmup = 3): Promise<{ wall: number[]; cpu: number[] }> {
  for (let i = 0; i < warmup; i++) await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu };
}
