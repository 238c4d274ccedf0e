import fs from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ, 100 on Linux). */
const HZ = 100;

/**
 * CPU time (user + system, ms) used so far by process `pid` and its descendants, from /proc (Linux; null elsewhere).
 * Per-request CPU of a server is steadier than its latency on a shared machine, where latency includes waiting for a core.
 */
export function treeCpuMs(pid: number): number | null {
  if (!fs.existsSync('/proc/self/stat')) return null;
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const raw = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command (in parentheses, which may hold spaces): state ppid ... utime(14) stime(15).
      const rest = raw.slice(raw.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(entry), { ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]) });
    } catch {
      // the process ended while we looked
    }
  }
  let ticks = 0;
  const todo = [pid];
  while (todo.length) {
    const p = todo.pop()!;
    ticks += stats.get(p)?.ticks ?? 0;
    for (const [child, s] of stats) if (s.ppid === p) todo.push(child);
  }
  return (ticks * 1000) / HZ;
}
