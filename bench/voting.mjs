#!/usr/bin/env node
// Voting benchmark (issue: "npm run bench:voting"). N simulated councillors and M public viewers
// over real WebSockets to a Veche server on 127.0.0.1, on the embedded database or PostgreSQL.
// It runs a sitting: a quorum check, then V votes, and measures: vote opened -> seen by every
// councillor, ballot cast -> acknowledged, ballots per second, final tally -> seen by every
// viewer, server RSS and CPU; it checks every final tally against the ballots sent. Baselines in
// the same run: a plain `ws` broadcast of a message of the same size to as many sockets (in its
// own process), and plain multi-row INSERTs into the same kind of database. Bounded: every phase
// has a time limit, the whole run stops by itself, and the server is stopped at the end.
// Usage: npm run build && node bench/voting.mjs [--councillors=2000] [--viewers=5000] [--votes=20] [--db=embedded|postgres]
//        [--profile=DIR] writes the server's CPU profile (.cpuprofile, for Chrome DevTools) into DIR.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const N = Number(args.councillors ?? 2000);
const M = Number(args.viewers ?? 5000);
const VOTES = Number(args.votes ?? 20);
const DB = args.db ?? 'embedded';
const PROFILE_DIR = args.profile;
const PG_URL = process.env.VECHE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const dist = (path) => new URL(`../packages/server/dist/${path}`, import.meta.url).href;
const { openEmbeddedDatabase, openPostgresDatabase, EMBEDDED_START_PARAMS } = await import(
  dist('storage/database.js')
);
const { createRepositories } = await import(dist('storage/repositories.js'));
const { hashPassword } = await import(dist('accounts/password.js'));
const { newSessionToken, hashSessionToken } = await import(dist('accounts/session-token.js'));
const pg = (await import('pg')).default;

const started = Date.now();
const LIMIT_MS = 15 * 60_000;
const guard = setTimeout(() => {
  console.error('benchmark ran past its time limit; stopping');
  process.exit(2);
}, LIMIT_MS);
guard.unref();

const pct = (values, p) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const ms = (v) => `${v.toFixed(1)} ms`;
const within = (promise, limit, what) =>
  Promise.race([
    promise,
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: over ${limit} ms`)), limit),
    ),
  ]);

// ---------- database: a council of N members, an operator, a convened sitting, sessions ----------
const dataDir = mkdtempSync(join(tmpdir(), 'veche-bench-voting-'));
let databaseUrl;
let dropDatabase = async () => {};
async function openBenchDatabase() {
  if (DB === 'embedded') return openEmbeddedDatabase(join(dataDir, 'pgdata'));
  const name = `veche_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  dropDatabase = async () => {
    const c = new pg.Client({ connectionString: PG_URL });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
  return openPostgresDatabase(databaseUrl);
}

const database = await openBenchDatabase();
await database.migrate();
const repos = createRepositories({ db: database.db, clock: () => new Date(), newId: randomUUID });
const council = await repos.councils.create({
  name: 'Rada Benchmarkowa',
  country: 'PL',
  languages: ['pl'],
  defaultLanguage: 'pl',
  timeZone: 'Europe/Warsaw',
  quorumRule: 'at_least_half',
  majorityPreset: 'pl.simple',
  resolutionNumberPattern: '{seq}/{year}',
});
const body = await repos.bodies.create({
  councilId: council.id,
  name: 'Rada',
  kind: 'plenary',
  statutorySize: N,
  quorumRule: 'at_least_half',
});
const term = await repos.terms.create({
  councilId: council.id,
  name: '2024–2029',
  startsOn: '2024-01-01',
});
const passwordHash = await hashPassword('not used: sessions are created directly');
const expiresAt = new Date(Date.now() + 3_600_000);
async function userWithSession(email, role, personId) {
  const user = await repos.users.create({
    councilId: council.id,
    personId,
    email,
    passwordHash,
    displayName: email,
    language: 'pl',
  });
  await repos.users.grantRole(council.id, user.id, role);
  const token = newSessionToken();
  await repos.loginSessions.create({
    userId: user.id,
    councilId: council.id,
    tokenHash: hashSessionToken(token),
    expiresAt,
  });
  return `veche_session=${token}`;
}
const operatorCookie = await userWithSession('operator@bench.example', 'operator', null);
const councillorCookies = [];
for (let i = 0; i < N; i++) {
  const person = await repos.persons.create({
    councilId: council.id,
    givenName: 'Radny',
    familyName: String(i).padStart(5, '0'),
  });
  await repos.persons.addMembership({
    councilId: council.id,
    personId: person.id,
    bodyId: body.id,
    termId: term.id,
    role: 'member',
    startsOn: '2024-01-01',
  });
  councillorCookies.push(await userWithSession(`radny${i}@bench.example`, 'councillor', person.id));
}
const sitting = await repos.sittings.create({
  councilId: council.id,
  bodyId: body.id,
  termId: term.id,
  title: 'Sesja',
  kind: 'ordinary',
  mode: 'remote',
  status: 'convened',
  startsAt: new Date(Date.now() + 3_600_000),
});
await database.close();
console.log(`seeded ${N} councillors in ${((Date.now() - started) / 1000).toFixed(1)} s`);

// ---------- the server ----------
const server = spawn(
  process.execPath,
  [
    ...(PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : []),
    new URL('../packages/server/dist/main.js', import.meta.url).pathname,
  ],
  {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DEMO: 'off',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const url = await within(
  new Promise((resolve) => {
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /Veche is running at (\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
  }),
  60_000,
  'server start',
);
const wsUrl = `${url.replace(/^http/, 'ws')}/api/live`;
const procStat = () => {
  const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return { cpuTicks: Number(fields[11]) + Number(fields[12]) };
};
const rssMb = () =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))[1]) / 1024;
let peakRss = 0;
const rssSampler = setInterval(() => {
  peakRss = Math.max(peakRss, rssMb());
}, 250);

// ---------- clients ----------
function open(cookie) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl, {
      headers: cookie ? { cookie } : {},
      perMessageDeflate: false,
    });
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
}
async function openMany(count, cookieOf) {
  const sockets = [];
  for (let i = 0; i < count; i += 200) {
    sockets.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(200, count - i) }, (_, k) => open(cookieOf(i + k))),
      )),
    );
  }
  return sockets;
}
const operator = await open(operatorCookie);
const councillors = await within(
  openMany(N, (i) => councillorCookies[i]),
  120_000,
  'councillor connections',
);
const viewers = await within(
  openMany(M, () => undefined),
  180_000,
  'viewer connections',
);
console.log(`connected ${N} councillors and ${M} viewers`);

const results = new Map();
operator.on('message', (data) => {
  const message = JSON.parse(data);
  if (message.type === 'command.result') results.get(message.commandId)?.(message);
});
const command = (socket, cmd, waiters = results) =>
  new Promise((resolve) => {
    const commandId = randomUUID();
    waiters.set(commandId, resolve);
    socket.send(
      JSON.stringify({ type: 'command', sittingId: sitting.id, commandId, command: cmd }),
    );
  });
async function subscribeAll(sockets) {
  for (let i = 0; i < sockets.length; i += 500) {
    await Promise.all(
      sockets.slice(i, i + 500).map(
        (socket) =>
          new Promise((resolve) => {
            const onMessage = (data) => {
              if (JSON.parse(data).type === 'snapshot') {
                socket.off('message', onMessage);
                resolve();
              }
            };
            socket.on('message', onMessage);
            socket.send(JSON.stringify({ type: 'subscribe', sittingId: sitting.id, afterSeq: 0 }));
          }),
      ),
    );
  }
}
await within(subscribeAll([...councillors, ...viewers]), 180_000, 'subscriptions');

// Per-councillor handlers: results of their own commands, and what the vote phase wants.
const councillorResults = councillors.map(() => new Map());
let onVoteOpened = null;
councillors.forEach((socket, i) =>
  socket.on('message', (data) => {
    const message = JSON.parse(data);
    if (message.type === 'command.result') councillorResults[i].get(message.commandId)?.(message);
    else if (message.type === 'event' && message.event.type === 'vote.opened')
      onVoteOpened?.(i, message);
  }),
);
let onViewerTally = null;
viewers.forEach((socket, i) =>
  socket.on('message', (data) => {
    if (onViewerTally === null) return;
    const message = JSON.parse(data);
    if (message.type === 'tally') onViewerTally(i, message);
  }),
);

// ---------- the sitting ----------
await command(operator, { type: 'sitting.open' });
await command(operator, { type: 'quorum.start', checkId: 'bench-check', durationMs: 600_000 });
const presenceStart = performance.now();
const confirms = await within(
  Promise.all(
    councillors.map((socket, i) =>
      command(socket, { type: 'presence.confirm' }, councillorResults[i]),
    ),
  ),
  300_000,
  'presence',
);
const presenceMs = performance.now() - presenceStart;
const quorum = await command(operator, { type: 'quorum.close' });
console.log(
  `quorum: ${confirms.filter((r) => r.accepted).length} confirmed in ${(presenceMs / 1000).toFixed(1)} s; closed: ${quorum.accepted}`,
);

const cpuBefore = procStat().cpuTicks;
const votePhaseStart = performance.now();
const openSeen = [];
const ackLatency = [];
const ballotRates = [];
const tallySeen = [];
let tallyMismatches = 0;
let openedMessageBytes = 0;
for (let v = 1; v <= VOTES; v++) {
  const voteId = `bench-${v}`;
  const sent = { for: 0, against: 0, abstain: 0 };
  let acked = 0;
  let firstCast = Infinity;
  let lastAck = 0;
  const seenFinal = new Set();
  const done = new Promise((resolve, reject) => {
    let openedAt = 0;
    const timer = setTimeout(
      () =>
        reject(
          new Error(
            `vote ${v} did not finish: ${openSeen.length} saw it open, ${acked} ballots acknowledged, ${seenFinal.size} viewers saw the final tally`,
          ),
        ),
      Number(process.env.VOTE_LIMIT_MS ?? 120_000),
    );
    const finish = () => {
      if (acked === N && seenFinal.size === M) {
        clearTimeout(timer);
        resolve();
      }
    };
    onViewerTally = (i, message) => {
      if (message.voteId === voteId && message.voted === N && !seenFinal.has(i)) {
        seenFinal.add(i);
        tallySeen.push(performance.now() - lastAck);
        finish();
      }
    };
    onVoteOpened = (i, message) => {
      if (message.event.voteId !== voteId) return;
      if (openedMessageBytes === 0) openedMessageBytes = JSON.stringify(message).length;
      const now = performance.now();
      openSeen.push(now - openedAt);
      const choice = ['for', 'for', 'against', 'abstain'][(i + v) % 4];
      sent[choice]++;
      firstCast = Math.min(firstCast, now);
      void command(
        councillors[i],
        { type: 'vote.cast', voteId, choice },
        councillorResults[i],
      ).then((result) => {
        const at = performance.now();
        if (result.accepted) {
          acked++;
          ackLatency.push(at - now);
          lastAck = Math.max(lastAck, at);
        }
        finish();
      });
    };
    openedAt = performance.now();
    void command(operator, {
      type: 'vote.open',
      voteId,
      subject: `Uchwała ${v}`,
      itemId: null,
      kind: 'named',
      majority: 'pl.simple',
      durationMs: 600_000,
    }).then((r) => {
      if (!r.accepted) reject(new Error(`vote.open refused: ${JSON.stringify(r.error)}`));
    });
  });
  await done;
  ballotRates.push(N / ((lastAck - firstCast) / 1000));
  // Listen for the close before asking for it: the event may well arrive before the answer.
  const closedEvent = within(
    new Promise((resolve) => {
      const onMessage = (data) => {
        const message = JSON.parse(data);
        if (
          message.type === 'event' &&
          message.event.type === 'vote.closed' &&
          message.event.voteId === voteId
        ) {
          viewers[0].off('message', onMessage);
          resolve(message.event.counts);
        }
      };
      viewers[0].on('message', onMessage);
    }),
    60_000,
    `vote ${v} close`,
  );
  const closed = await command(operator, { type: 'vote.close', voteId });
  const counts = await closedEvent;
  if (
    !closed.accepted ||
    counts.for !== sent.for ||
    counts.against !== sent.against ||
    counts.abstain !== sent.abstain
  )
    tallyMismatches++;
  process.stdout.write(
    `vote ${v}: ${N} ballots at ${ballotRates.at(-1).toFixed(0)}/s, counts ${JSON.stringify(counts)}\n`,
  );
}
onViewerTally = null;
const votePhaseMs = performance.now() - votePhaseStart;
const cpuSeconds = (procStat().cpuTicks - cpuBefore) / 100;
clearInterval(rssSampler);
for (const socket of [operator, ...councillors, ...viewers]) socket.terminate();
server.kill('SIGTERM');
await new Promise((resolve) => server.once('exit', resolve));

// ---------- baseline 1: a plain ws broadcast to as many sockets, in its own process ----------
const BROADCAST = `
  const { WebSocketServer } = require('ws');
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
  wss.on('listening', () => process.send({ port: wss.address().port }));
  process.on('message', (m) => {
    const text = JSON.stringify({ pad: 'x'.repeat(m.bytes), sentAt: Date.now() });
    for (const client of wss.clients) client.send(text);
  });`;
const broadcaster = spawn(process.execPath, ['-e', BROADCAST], {
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  cwd: new URL('../packages/server/', import.meta.url).pathname,
});
const { port } = await new Promise((resolve) => broadcaster.once('message', resolve));
const rawSockets = [];
for (let i = 0; i < N + M; i += 500) {
  rawSockets.push(
    ...(await Promise.all(
      Array.from(
        { length: Math.min(500, N + M - i) },
        () =>
          new Promise((resolve, reject) => {
            const s = new WebSocket(`ws://127.0.0.1:${port}`, { perMessageDeflate: false });
            s.once('open', () => resolve(s));
            s.once('error', reject);
          }),
      ),
    )),
  );
}
const rawSeen = [];
for (let round = 0; round < 5; round++) {
  let received = 0;
  const sentAt = performance.now();
  await within(
    new Promise((resolve) => {
      for (const s of rawSockets)
        s.once('message', () => {
          rawSeen.push(performance.now() - sentAt);
          if (++received === rawSockets.length) resolve();
        });
      broadcaster.send({ bytes: Math.max(0, openedMessageBytes - 40) });
    }),
    60_000,
    'raw broadcast',
  );
}
for (const s of rawSockets) s.terminate();
broadcaster.kill();

// ---------- baseline 2: plain multi-row INSERTs into the same kind of database ----------
async function rawInsertRate() {
  const rows = 20_000;
  const batch = 128;
  const columns = '(sitting_id, vote_id, member_id, choice, cast_at)';
  const table =
    'create table raw (sitting_id uuid, vote_id text, member_id text, choice text, cast_at timestamptz)';
  /** Inserts the rows through `query` in multi-row statements; returns rows per second. */
  const insertAll = async (query) => {
    const t = performance.now();
    for (let i = 0; i < rows; i += batch) {
      const values = [];
      const params = [];
      for (let k = i; k < Math.min(rows, i + batch); k++) {
        const base = params.length;
        params.push(randomUUID(), 'raw', `m-${k}`, 'for', new Date());
        values.push(`($${base + 1}, $${base + 2}, $${base + 3}, $${base + 4}, $${base + 5})`);
      }
      await query(`insert into raw ${columns} values ${values.join(',')}`, params);
    }
    return rows / ((performance.now() - t) / 1000);
  };
  if (DB === 'embedded') {
    const { PGlite } = await import('@electric-sql/pglite');
    const dir = mkdtempSync(join(tmpdir(), 'veche-bench-raw-'));
    const db = await PGlite.create({ dataDir: dir, startParams: EMBEDDED_START_PARAMS });
    await db.exec(table);
    const rate = await insertAll((text, params) => db.query(text, params));
    await db.close();
    rmSync(dir, { recursive: true, force: true });
    return rate;
  }
  const client = new pg.Client({ connectionString: PG_URL });
  await client.connect();
  await client.query(table.replace('create table', 'create temp table'));
  const rate = await insertAll((text, params) => client.query(text, params));
  await client.end();
  return rate;
}
const rawRate = await rawInsertRate();
await dropDatabase();
rmSync(dataDir, { recursive: true, force: true });

// ---------- report ----------
const veche = { p50: pct(openSeen, 50), p99: pct(openSeen, 99), max: Math.max(...openSeen) };
const raw = { p50: pct(rawSeen, 50), p99: pct(rawSeen, 99), max: Math.max(...rawSeen) };
const ballotsPerSecond = pct(ballotRates, 50);
const report = {
  machine: `${(await import('node:os')).cpus().length} cores, Node ${process.version}`,
  database: DB,
  councillors: N,
  viewers: M,
  votes: VOTES,
  presenceSeconds: presenceMs / 1000,
  openToSeenMs: veche,
  rawBroadcastMs: raw,
  fanOutRatioP99: veche.p99 / raw.p99,
  castToAckMs: { p50: pct(ackLatency, 50), p99: pct(ackLatency, 99) },
  ballotsPerSecond,
  rawInsertRowsPerSecond: rawRate,
  ballotRatio: ballotsPerSecond / rawRate,
  finalTallyToViewersMs: {
    p50: pct(tallySeen, 50),
    p99: pct(tallySeen, 99),
    max: Math.max(...tallySeen),
  },
  serverPeakRssMb: peakRss,
  serverCpuSecondsInVotes: cpuSeconds,
  votePhaseSeconds: votePhaseMs / 1000,
  tallyMismatches,
};
console.log(`
vote opened -> seen by every councillor: p50 ${ms(veche.p50)}, p99 ${ms(veche.p99)}, max ${ms(veche.max)}   (target p99 <= 100 ms)
  raw ws broadcast of the same size to ${N + M} sockets: p50 ${ms(raw.p50)}, p99 ${ms(raw.p99)}; ratio p99 ${report.fanOutRatioP99.toFixed(2)} (target <= 1.5)
ballot cast -> acknowledged: p50 ${ms(report.castToAckMs.p50)}, p99 ${ms(report.castToAckMs.p99)}   (target p99 <= 25 ms)
ballots per second (median of votes): ${ballotsPerSecond.toFixed(0)}; raw multi-row INSERT: ${rawRate.toFixed(0)} rows/s; ratio ${report.ballotRatio.toFixed(2)} (target >= 0.5)
final tally -> seen by every viewer: p50 ${ms(report.finalTallyToViewersMs.p50)}, p99 ${ms(report.finalTallyToViewersMs.p99)}
server: peak RSS ${peakRss.toFixed(0)} MB, ${cpuSeconds.toFixed(1)} CPU s over ${(votePhaseMs / 1000).toFixed(1)} s of votes; presence of ${N} took ${(presenceMs / 1000).toFixed(1)} s
final tallies that differ from the ballots sent: ${tallyMismatches}
${JSON.stringify(report)}`);
process.exit(tallyMismatches === 0 ? 0 : 1);
