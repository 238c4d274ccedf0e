// `npm test`: typecheck, lint, then unit, integration and end-to-end tests; stops at the first failing stage.
import { spawnSync } from 'node:child_process';

const stages = [
  ['typecheck', 'npx', ['tsc', '--noEmit']],
  ['lint', 'npx', ['eslint', '--max-warnings=0', '.']],
  ['unit', 'npx', ['vitest', 'run', '--project', 'unit']],
  ['integration', 'npx', ['vitest', 'run', '--project', 'integration']],
  ['e2e', 'npx', ['vitest', 'run', '--project', 'e2e']],
];
const only = process.argv.slice(2);
const started = Date.now();
for (const [name, cmd, args] of stages) {
  if (only.length && !only.includes(name)) continue;
  const t0 = Date.now();
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  console.log(`=== ${name}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (result.status !== 0) process.exit(result.status ?? 1);
}
console.log(`\nAll stages passed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
