// Piscina worker entry. It loads the TypeScript tasks through tsx (a run-time dependency: `npm start` runs
// scripts/prepare-db.ts with it too), so one file serves `next start`, vitest and tsx alike without a separate
// bundle to keep fresh. tsx reads tsconfig.json from the working directory for the `@/` paths.
import { tsImport } from 'tsx/esm/api';

const tasks = await tsImport('./tasks.ts', import.meta.url);

/** Runs the named export of tasks.ts on `input` (see lib/workers/pool.ts). */
export default function run({ name, input }) {
  return tasks[name](input);
}
