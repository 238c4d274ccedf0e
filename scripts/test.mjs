// `npm test`: typecheck, lint, formatting, then unit, integration and end-to-end tests; stops at the first failing stage.
// `node scripts/test.mjs unit e2e` runs only the named stages. Ends with one line per stage and the test totals.
import { spawn } from 'node:child_process';

const stages = [
  { name: 'typecheck', cmd: 'npx', args: ['tsc', '--noEmit'] },
  { name: 'lint', cmd: 'npx', args: ['eslint', '--max-warnings=0', '.'] },
  { name: 'format', cmd: 'npx', args: ['prettier', '--check', '.'] },
  { name: 'unit', cmd: 'npx', args: ['vitest', 'run', '--project', 'unit'], vitest: true },
  { name: 'integration', cmd: 'npx', args: ['vitest', 'run', '--project', 'integration'], vitest: true },
  { name: 'e2e', cmd: 'npx', args: ['vitest', 'run', '--project', 'e2e', '--project', 'e2e-alone'], vitest: true },
  // PostgreSQL-only tests (db:copy, several instances): run by `npm run test:pg`, which provides the cluster.
  { name: 'pg', cmd: 'npx', args: ['vitest', 'run', '--project', 'pg'], vitest: true, onlyWhenNamed: true },
];

const only = process.argv.slice(2);
const unknown = only.filter((name) => !stages.some((s) => s.name === name));
if (unknown.length) {
  console.error(`Unknown stage ${unknown.join(', ')}; the stages are: ${stages.map((s) => s.name).join(', ')}.`);
  process.exit(2);
}
const selected = stages.filter((s) => (only.length ? only.includes(s.name) : !s.onlyWhenNamed));

/**
 * vitest's end-of-run summary ("Tests  2 failed | 40 passed | 1 skipped (43)", "Errors  1 error"), or null when
 * the output has none (the run broke before any test ran: a failed build in global setup, a config error).
 */
function vitestCounts(output) {
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  const tests = plain.match(/^\s*Tests\s+(.*)$/m)?.[1];
  if (tests === undefined) return null;
  const count = (text, word) => Number(text.match(new RegExp(`(\\d+) ${word}`))?.[1] ?? 0);
  const errors = plain.match(/^\s*Errors\s+(.*)$/m)?.[1] ?? '';
  return {
    passed: count(tests, 'passed'),
    failed: count(tests, 'failed'),
    // todo tests do not run either; they are reported with the skipped ones.
    skipped: count(tests, 'skipped') + count(tests, 'todo'),
    errors: count(errors, 'errors?'),
  };
}

/** Runs a command, echoing its output; resolves with its exit code (1 when a signal ended it) and its stdout. */
function run(cmd, args) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => {
      process.stdout.write(d);
      out += d;
    });
    child.stderr.on('data', (d) => process.stderr.write(d));
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

const started = Date.now();
const results = [];
for (const stage of selected) {
  const t0 = Date.now();
  console.log(`\n=== ${stage.name}: ${stage.cmd} ${stage.args.join(' ')}`);
  const { code, out } = await run(stage.cmd, stage.args);
  const result = { stage, ok: code === 0, seconds: (Date.now() - t0) / 1000, counts: stage.vitest ? vitestCounts(out) : null };
  results.push(result);
  console.log(`=== ${line(result)}`);
  if (!result.ok) break;
}

/** One stage's summary: name, ok/FAILED, time, and for vitest stages what its tests did. */
function line({ stage, ok, seconds, counts }) {
  let text = `${stage.name.padEnd(12)} ${(ok ? 'ok' : 'FAILED').padEnd(7)} ${`${seconds.toFixed(1)} s`.padStart(8)}`;
  if (!stage.vitest) return text;
  if (!counts) return `${text}   no test summary (the run broke before reporting; see the output above)`;
  text += `   ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`;
  if (counts.errors) text += `, ${counts.errors} unhandled error${counts.errors === 1 ? '' : 's'}`;
  return text;
}

const failed = results.filter((r) => !r.ok);
const notRun = selected.slice(results.length);
const totals = { passed: 0, failed: 0, skipped: 0 };
for (const { counts } of results) for (const key of Object.keys(totals)) totals[key] += counts?.[key] ?? 0;

console.log('\n=== Summary');
for (const result of results) console.log(line(result));
for (const stage of notRun) console.log(`${stage.name.padEnd(12)} not run (an earlier stage failed)`);
const tests = results.some((r) => r.stage.vitest)
  ? `Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`
  : 'No tests ran';
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (failed.length) {
  console.log(`\n${tests}. FAILED stage: ${failed.map((r) => r.stage.name).join(', ')} (after ${seconds} s).`);
  process.exit(1);
}
console.log(`\n${tests}. All ${results.length} stages passed in ${seconds} s.`);
