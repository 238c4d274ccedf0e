// `npm test`: typecheck, lint, then unit, integration and end-to-end tests; stops at the first failing stage.
import { spawn } from 'node:child_process';

const stages = [
  ['typecheck', 'npx', ['tsc', '--noEmit']],
  ['lint', 'npx', ['eslint', '--max-warnings=0', '.']],
  ['unit', 'npx', ['vitest', 'run', '--project', 'unit']],
  ['integration', 'npx', ['vitest', 'run', '--project', 'integration']],
  ['e2e', 'npx', ['vitest', 'run', '--project', 'e2e']],
];
const only = process.argv.slice(2);
const started = Date.now();
const totals = { passed: 0, failed: 0 };

/** Runs a command, echoing its output, and adds vitest's "Tests N passed | M failed" counts to the totals. */
function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      out += d;
    });
    child.stderr.on('data', (d) => process.stderr.write(d));
    child.on('close', (code) => {
      const line = out.replace(/\x1b\[[0-9;]*m/g, '').match(/^\s*Tests\s+(.*)$/m)?.[1] ?? '';
      totals.passed += Number(line.match(/(\d+) passed/)?.[1] ?? 0);
      totals.failed += Number(line.match(/(\d+) failed/)?.[1] ?? 0);
      resolve(code ?? 1);
    });
  });
}

for (const [name, cmd, args] of stages) {
  if (only.length && !only.includes(name)) continue;
  const t0 = Date.now();
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const code = await run(cmd, args);
  console.log(`=== ${name}: ${code === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (code !== 0) {
    console.log(`\n${totals.passed} passed, ${Math.max(totals.failed, 1)} failed`);
    process.exit(code);
  }
}
console.log(`\nAll stages passed in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
