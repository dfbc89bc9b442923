#!/usr/bin/env node
// The whole test suite, tier by tier, ending with one line "N passed, N failed" over all tiers.
// Build, type checks and lint count as one check each; vitest tiers count their tests.
// In CI (CI=true) a tier whose service is missing fails; elsewhere it is skipped, loudly.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const inCi = process.env.CI === 'true';
const results = join(process.cwd(), '.test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

/** @type {{ tier: string, passed: number, failed: number, skipped: number, note?: string }[]} */
const tally = [];
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function run(command, args, env = {}) {
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return { ok: result.status === 0, seconds: ((Date.now() - started) / 1000).toFixed(1) };
}

function banner(text) {
  process.stdout.write(`\n\u001b[1m=== ${text}\u001b[0m\n`);
}

function check(tier, command, args) {
  banner(tier);
  const { ok, seconds } = run(command, args);
  tally.push({ tier, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, note: `${seconds} s` });
  return ok;
}

function vitestTier(tier, project) {
  banner(`${tier} tests`);
  const output = join(results, `${project}.json`);
  const { ok, seconds } = run('npx', [
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${output}`,
  ]);
  if (!existsSync(output)) {
    tally.push({ tier, passed: 0, failed: 1, skipped: 0, note: 'the runner did not report' });
    return;
  }
  const report = JSON.parse(readFileSync(output, 'utf8'));
  // A file that fails to load counts as a failure even though it ran no test.
  const brokenFiles = report.testResults.filter(
    (file) => file.status === 'failed' && file.assertionResults.length === 0,
  ).length;
  const failed = report.numFailedTests + brokenFiles;
  // vitest can fail (an unhandled error, a timeout in a hook) with every test passed: count it.
  const runnerFailed = !ok && failed === 0 ? 1 : 0;
  tally.push({
    tier,
    passed: report.numPassedTests,
    failed: failed + runnerFailed,
    skipped: report.numPendingTests + report.numTodoTests,
    note: runnerFailed > 0 ? `${seconds} s, the runner itself failed` : `${seconds} s`,
  });
}

function skipOrFail(tier, reason, howToEnable) {
  if (inCi) {
    banner(`${tier}: FAILED, ${reason}`);
    tally.push({ tier, passed: 0, failed: 1, skipped: 0, note: reason });
  } else {
    banner(`${tier}: SKIPPED, ${reason}. ${howToEnable}`);
    tally.push({ tier, passed: 0, failed: 0, skipped: 1, note: `SKIPPED: ${reason}` });
  }
}

const built = check('build and type check (tsc -b, vite build)', 'npm', ['run', 'build']);
check('type check of tests and scripts', 'npx', ['tsc', '-p', 'tsconfig.test.json']);
check('lint (eslint, prettier)', 'npm', ['run', 'lint']);
vitestTier('domain', 'domain');
vitestTier('web (i18n)', 'web');
vitestTier('tooling', 'tooling');
vitestTier('storage (PGlite and PostgreSQL)', 'storage');
if (built) vitestTier('server (running process)', 'server');
else
  tally.push({
    tier: 'server (running process)',
    passed: 0,
    failed: 1,
    skipped: 0,
    note: 'build failed',
  });
if (built) vitestTier('faults (PostgreSQL restarted)', 'faults');
else
  tally.push({
    tier: 'faults (PostgreSQL restarted)',
    passed: 0,
    failed: 1,
    skipped: 0,
    note: 'build failed',
  });
if (!existsSync(chromium)) {
  skipOrFail(
    'browser (Chromium)',
    `no Chromium at ${chromium}`,
    'Install it with `apt-get install -y --no-install-recommends chromium` or set CHROMIUM_PATH.',
  );
} else if (built) {
  vitestTier('browser (Chromium)', 'browser');
} else {
  tally.push({
    tier: 'browser (Chromium)',
    passed: 0,
    failed: 1,
    skipped: 0,
    note: 'build failed',
  });
}

const sum = (key) => tally.reduce((total, row) => total + row[key], 0);
process.stdout.write('\n\u001b[1mSummary\u001b[0m\n');
for (const row of tally) {
  const counts = `${String(row.passed).padStart(4)} passed ${String(row.failed).padStart(3)} failed ${String(row.skipped).padStart(3)} skipped`;
  process.stdout.write(`  ${row.tier.padEnd(44)} ${counts}  ${row.note ?? ''}\n`);
}
const skipped = sum('skipped');
process.stdout.write(
  `\n${sum('passed')} passed, ${sum('failed')} failed${skipped > 0 ? `, ${skipped} skipped` : ''}\n`,
);
process.exit(sum('failed') > 0 ? 1 : 0);
