#!/usr/bin/env node
// Start-up benchmark: time from launching the built server to "Veche is running" on a new and on
// an existing data folder, and the idle server's resident memory. Baselines in the same run: a
// bare PGlite opening a new folder (initdb) and an existing one, and the RSS of a bare PGlite
// process. Bounded: RUNS starts of each kind, each killed after 120 s at most.
// Usage: npm run build && node bench/start.mjs [runs]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = Number(process.argv[2] ?? 3);
const SERVER = new URL('../packages/server/dist/main.js', import.meta.url).pathname;
const PGLITE_BASELINE = `
  const { PGlite } = await import('@electric-sql/pglite');
  const started = performance.now();
  const db = await PGlite.create(process.argv[1]);
  await db.query('select 1');
  const ms = performance.now() - started;
  await new Promise((r) => setTimeout(r, 3000));
  const rss = Number(/VmRSS:\\s+(\\d+)/.exec(require('node:fs').readFileSync('/proc/self/status', 'utf8'))[1]);
  console.log(JSON.stringify({ ms, rssKb: rss }));
  await db.close();
`;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rssKb = (pid) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);

function startServer(dataDir) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [SERVER], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('server did not start in 120 s'));
    }, 120_000);
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('Veche is running at')) {
        clearTimeout(timer);
        resolve({ child, ms: performance.now() - started });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

async function stop(child) {
  child.removeAllListeners('exit');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

function pgliteBaseline(dataDir) {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--input-type=commonjs', '-e', `(async () => { ${PGLITE_BASELINE} })()`, dataDir],
      {
        cwd: new URL('../packages/server/', import.meta.url).pathname,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.once('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`baseline exited ${code}`)),
    );
  });
}

const rows = {
  newFolder: [],
  existingFolder: [],
  idleRssKb: [],
  pgliteInitdb: [],
  pgliteExisting: [],
  pgliteRssKb: [],
};
for (let run = 0; run < RUNS; run++) {
  const dir = mkdtempSync(join(tmpdir(), 'veche-bench-'));
  try {
    const first = await startServer(dir);
    rows.newFolder.push(first.ms);
    await stop(first.child);
    const second = await startServer(dir);
    rows.existingFolder.push(second.ms);
    await new Promise((r) => setTimeout(r, 5_000));
    rows.idleRssKb.push(rssKb(second.child.pid));
    await stop(second.child);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const bare = mkdtempSync(join(tmpdir(), 'veche-bench-pglite-'));
  try {
    const fresh = await pgliteBaseline(bare);
    rows.pgliteInitdb.push(fresh.ms);
    const again = await pgliteBaseline(bare);
    rows.pgliteExisting.push(again.ms);
    rows.pgliteRssKb.push(again.rssKb);
  } finally {
    rmSync(bare, { recursive: true, force: true });
  }
}

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;
console.log(`runs: ${RUNS} (medians)`);
console.log(
  `server start, new data folder (initdb, migrations, demo):  ${fmt(median(rows.newFolder))}   baseline bare PGlite initdb: ${fmt(median(rows.pgliteInitdb))}`,
);
console.log(
  `server start, existing data folder:                         ${fmt(median(rows.existingFolder))}   baseline bare PGlite open:   ${fmt(median(rows.pgliteExisting))}`,
);
console.log(
  `server RSS idle (5 s after start, existing folder):         ${mb(median(rows.idleRssKb))}   baseline bare PGlite RSS:    ${mb(median(rows.pgliteRssKb))}`,
);
console.log(JSON.stringify(rows));
