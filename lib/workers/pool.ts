import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { Piscina } from 'piscina';
import { readEnv } from '@/lib/env';
import { TooLarge, Unavailable } from '@/lib/errors';
import type * as tasks from './tasks';

type Tasks = typeof tasks;
type TaskName = keyof Tasks;

/** Tasks waiting beyond this many answer 503 at once instead of waiting out their budget behind the others. */
const MAX_QUEUE = 16;
/** Heap one worker may use; a document that needs more kills only its worker (the request answers 413). */
const WORKER_HEAP_MB = 768;

type WorkPool = { pool: Piscina; ready: Promise<unknown> };
const globalForPool = globalThis as unknown as { claimdeskWorkPool?: WorkPool };

/** WORK_THREADS, else one thread per core beyond the first (the request thread keeps a core), at most 4. */
function workThreads(): number {
  return readEnv().WORK_THREADS ?? Math.min(4, Math.max(1, os.availableParallelism() - 1));
}

/**
 * The one pool of the process, created on first use (or at server start, see instrumentation.ts) with all its threads
 * started; `ready` settles once a thread has loaded the tasks, which takes seconds and is not part of any budget.
 */
export function workPool(): WorkPool {
  if (!globalForPool.claimdeskWorkPool) {
    const threads = workThreads();
    const pool = new Piscina({
      // Resolved at run time from the project root (as lib/env.ts resolves the database): the worker loads lib/ sources.
      filename: path.join(/*turbopackIgnore: true*/ process.cwd(), 'lib/workers/worker.mjs'),
      minThreads: threads,
      maxThreads: threads,
      maxQueue: MAX_QUEUE,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    });
    const ready = pool.run({ name: 'warmUp', input: null }).catch((error: unknown) => {
      // A pool that cannot load its tasks is dropped, so the next request tries again (and reports it again).
      globalForPool.claimdeskWorkPool = undefined;
      void pool.destroy();
      throw error;
    });
    globalForPool.claimdeskWorkPool = { pool, ready };
  }
  return globalForPool.claimdeskWorkPool;
}

/**
 * Runs the task `name` of lib/workers/tasks.ts in a worker thread within WORK_TIME_BUDGET_MS (queueing included).
 * Past the budget the worker is terminated (the pool starts a fresh one) and this throws Unavailable (503) saying
 * `what` took too long; a full queue is Unavailable too, a worker out of memory TooLarge (413).
 */
export async function runTask<N extends TaskName>(name: N, input: Parameters<Tasks[N]>[0], what: string): Promise<ReturnType<Tasks[N]>> {
  const entry = workPool();
  await entry.ready;
  const { pool } = entry;
  const budgetMs = readEnv().WORK_TIME_BUDGET_MS;
  const signal = AbortSignal.timeout(budgetMs);
  try {
    return await pool.run({ name, input }, { signal });
  } catch (error) {
    const code = (error as { code?: string }).code;
    // The pool replaces a terminated worker at once; the next task waits for it to load outside its own budget.
    if (signal.aborted || code === 'ERR_WORKER_OUT_OF_MEMORY') entry.ready = once(pool, 'workerCreate');
    if (signal.aborted) {
      throw Unavailable(`${what} took longer than ${budgetMs / 1000} s and was stopped; try a smaller document.`);
    }
    if (code === 'ERR_WORKER_OUT_OF_MEMORY') throw TooLarge(`${what} needed more than ${WORKER_HEAP_MB} MB of memory; try a smaller document.`);
    if ((error as Error).message === 'Task queue is at limit') {
      throw Unavailable('The server is busy with other large documents; try again in a minute.');
    }
    throw error;
  }
}
