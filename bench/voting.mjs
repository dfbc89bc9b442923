#!/usr/bin/env node
// Voting benchmark (issue: "npm run bench:voting"). N simulated councillors and M public viewers
// over real WebSockets to a Veche server on 127.0.0.1, on the embedded database or PostgreSQL.
// It runs a sitting: a quorum check, then V votes, and measures: vote opened -> seen by every
// councillor, ballot cast -> acknowledged, ballots per second, final tally -> seen by every
// viewer, server RSS and CPU; it checks every final tally against the ballots sent. Baselines in
// the same run: a plain `ws` broadcast of a message of the same size to as many sockets (in its
// own process), and plain multi-row INSERTs into the same kind of database. Bounded: every phase
// has a time limit, the whole run stops by itself, and the server is stopped at the end.
//
// Processes: one process cannot read thousands of sockets fast enough (it, not the server, was
// the limit), so the simulated clients live in W worker processes (this same file, forked with
// --worker). Councillors and viewers are split evenly over them. The main process seeds the
// database, starts the server, holds the operator's socket, drives the phases over IPC and
// collects what the workers saw. The raw broadcast baseline uses the same workers with the same
// number of sockets each, so the two fan-outs are read by the same client layout.
//
// Usage: npm run build && node bench/voting.mjs [--councillors=2000] [--viewers=5000] [--votes=20]
//          [--db=embedded|postgres] [--workers=2]
//        [--profile=DIR] writes the server's CPU profile (.cpuprofile, for Chrome DevTools) into DIR.
//        BENCH_LOG_LEVEL=info (default warn) sets the server's log level; its log goes to stderr.
// Exit code: 0 when every final tally matches the ballots sent, 1 when one does not, 2 when the
// run failed or ran past its time limit.
import { fork, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')));
const LIMIT_MS = 15 * 60_000;

/**
 * The one clock of the run, in milliseconds, comparable between the processes of this run.
 * performance.now() alone counts from each process's own start; performance.timeOrigin is the
 * wall-clock time (ms since the epoch, with a fraction) at which that count began. Their sum is a
 * wall-clock reading with performance.now()'s resolution, and since every process of the run is
 * on the same machine and reads the same system clock, a time taken in a worker (a message came)
 * can be subtracted from one taken in the main process (the command was sent). The server's
 * `serverTime` is not used: it is whole milliseconds of Date.now() taken before the message was
 * even written. The main process estimates each worker's offset at the start and prints it.
 */
const clock = () => performance.timeOrigin + performance.now();
const CHOICES = ['for', 'for', 'against', 'abstain'];
/** The ballot of councillor `i` (global index) in vote `v`: computable in any process. */
const choiceOf = (i, v) => CHOICES[(i + v) % 4];

const within = (promise, limit, what) => {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: over ${limit} ms`)), limit);
    }),
  ]).finally(() => clearTimeout(timer));
};
const procCpuTicks = (pid) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]);
};

if ('worker' in args) await runWorker();
else await runMain();

// =============================== worker: simulated clients ===================================
/**
 * A worker holds its share of the councillors' and viewers' sockets and does what the main
 * process asks (`process.on('message')`: { id, type, ... }); it answers { id, result } or
 * { id, error }. It measures only what it sees locally and reports absolute times (clock()).
 *
 * Each socket's handler runs once per message per socket, thousands of times per event, so it
 * parses only the messages the benchmark needs: the server writes `type` first in every message,
 * so the first bytes say what a message is. A message the benchmark acts on (vote.opened, a
 * command's result, a tally) is parsed whole, as a real client would; the raw baseline's client
 * parses its message whole too.
 */
async function runWorker() {
  /** @type {{ socket: WebSocket, k: number, index: number, results: Map<string, Function>, onSnapshot: Function | null }[]} */
  let councillors = [];
  /** @type {{ socket: WebSocket, k: number, onSnapshot: Function | null }[]} */
  let viewers = [];
  let sittingId = '';
  /** The client whose vote.closed counts this worker reports (a viewer when it has one). */
  let watcher = null;
  /** The vote being measured, or null. */
  let vote = null;
  let unexpectedCloses = 0;
  let socketErrors = 0;
  let raw = [];
  let round = null;
  let live = true;

  const guard = setTimeout(() => process.exit(2), LIMIT_MS + 60_000);
  guard.unref();
  process.on('disconnect', () => {
    for (const c of [...councillors, ...viewers]) c.socket.terminate();
    for (const socket of raw) socket.terminate();
    process.exit(0);
  });

  const head = (data) => data.toString('latin1', 0, 24);
  const open = (url, cookie) =>
    new Promise((resolve, reject) => {
      const socket = new WebSocket(url, {
        headers: cookie ? { cookie } : {},
        perMessageDeflate: false,
      });
      socket.once('open', () => {
        socket.off('error', reject);
        socket.on('error', () => socketErrors++);
        resolve(socket);
      });
      socket.once('error', reject);
    });
  async function openMany(url, count, batch, cookieOf) {
    const sockets = [];
    for (let i = 0; i < count; i += batch) {
      sockets.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(batch, count - i) }, (_, k) => open(url, cookieOf(i + k))),
        )),
      );
    }
    return sockets;
  }
  /** Sends a command from a councillor; resolves with the result and the time it came. */
  const command = (c, cmd) =>
    new Promise((resolve) => {
      const commandId = randomUUID();
      c.results.set(commandId, (message, at) => resolve({ message, at }));
      c.socket.send(JSON.stringify({ type: 'command', sittingId, commandId, command: cmd }));
    });

  const settle = () => {
    if (vote !== null && vote.settled === councillors.length && vote.seen === viewers.length)
      vote.resolveDone();
  };
  const watchClose = (client, data) => {
    if (client !== watcher || vote === null || !data.includes('"vote.closed"')) return;
    const message = JSON.parse(data);
    if (message.event.type === 'vote.closed' && message.event.voteId === vote.voteId)
      vote.resolveClosed(message.event.counts);
  };
  function onOpened(c, at, bytes) {
    const current = vote;
    const choice = choiceOf(c.index, current.v);
    current.opened[c.k] = at;
    current.openedBytes = bytes;
    current.sent[choice]++;
    current.firstCast = Math.min(current.firstCast, at);
    void command(c, { type: 'vote.cast', voteId: current.voteId, choice }).then(
      ({ message, at: ackAt }) => {
        if (message.accepted) {
          current.ack.push(ackAt - at);
          current.lastAck = Math.max(current.lastAck, ackAt);
        } else {
          current.refused++;
          current.refusal ??= JSON.stringify(message.error);
        }
        current.settled++;
        settle();
      },
    );
  }
  function onCouncillorMessage(c, data) {
    const at = clock();
    const type = head(data);
    if (type.startsWith('{"type":"command.result"')) {
      const message = JSON.parse(data);
      const waiter = c.results.get(message.commandId);
      if (waiter !== undefined) {
        c.results.delete(message.commandId);
        waiter(message, at);
      }
    } else if (type.startsWith('{"type":"event"')) {
      if (vote !== null && vote.opened[c.k] === 0 && data.includes('"vote.opened"')) {
        const message = JSON.parse(data);
        if (message.event.type === 'vote.opened' && message.event.voteId === vote.voteId)
          onOpened(c, at, data.length);
      }
      watchClose(c, data);
    } else if (type.startsWith('{"type":"snapshot"')) c.onSnapshot?.();
  }
  function onViewerMessage(x, data) {
    const at = clock();
    const type = head(data);
    if (type.startsWith('{"type":"tally"')) {
      if (vote === null || vote.tallyAt[x.k] !== 0) return;
      const message = JSON.parse(data);
      if (message.voteId === vote.voteId && message.voted === vote.N) {
        vote.tallyAt[x.k] = at;
        vote.seen++;
        settle();
      }
    } else if (type.startsWith('{"type":"event"')) watchClose(x, data);
    else if (type.startsWith('{"type":"snapshot"')) x.onSnapshot?.();
  }
  const watchSocket = (socket) =>
    socket.once('close', () => {
      if (live) unexpectedCloses++;
    });

  const handlers = {
    clock: () => clock(),
    async connect({ url, kind, cookies, first, count, batch }) {
      if (kind === 'councillors') {
        const sockets = await openMany(url, cookies.length, batch, (i) => cookies[i]);
        councillors = sockets.map((socket, k) => {
          const c = { socket, k, index: first + k, results: new Map(), onSnapshot: null };
          socket.on('message', (data) => onCouncillorMessage(c, data));
          watchSocket(socket);
          return c;
        });
      } else {
        const sockets = await openMany(url, count, batch, () => undefined);
        viewers = sockets.map((socket, k) => {
          const x = { socket, k, onSnapshot: null };
          socket.on('message', (data) => onViewerMessage(x, data));
          watchSocket(socket);
          return x;
        });
      }
      watcher = viewers[0] ?? councillors[0] ?? null;
      return { sockets: councillors.length + viewers.length };
    },
    async subscribe({ sitting, batch }) {
      sittingId = sitting;
      const all = [...councillors, ...viewers];
      for (let i = 0; i < all.length; i += batch) {
        await Promise.all(
          all.slice(i, i + batch).map(
            (client) =>
              new Promise((resolve) => {
                client.onSnapshot = () => {
                  client.onSnapshot = null;
                  resolve();
                };
                client.socket.send(JSON.stringify({ type: 'subscribe', sittingId, afterSeq: 0 }));
              }),
          ),
        );
      }
      return null;
    },
    async presence() {
      const results = await Promise.all(
        councillors.map((c) => command(c, { type: 'presence.confirm' })),
      );
      return {
        accepted: results.filter((r) => r.message.accepted).length,
        lastAckAt: Math.max(0, ...results.map((r) => r.at)),
      };
    },
    /** Prepares for vote `v`: its answer means the worker is listening for it. */
    arm({ v, voteId, N }) {
      let resolveDone;
      let resolveClosed;
      vote = {
        v,
        voteId,
        N,
        opened: new Float64Array(councillors.length),
        tallyAt: new Float64Array(viewers.length),
        ack: [],
        firstCast: Infinity,
        lastAck: 0,
        settled: 0,
        refused: 0,
        refusal: null,
        seen: 0,
        sent: { for: 0, against: 0, abstain: 0 },
        openedBytes: 0,
        done: new Promise((resolve) => (resolveDone = resolve)),
        closed: new Promise((resolve) => (resolveClosed = resolve)),
      };
      vote.resolveDone = resolveDone;
      vote.resolveClosed = resolveClosed;
      settle();
      return null;
    },
    /** Answers when every local councillor's ballot is answered and every viewer saw voted = N. */
    async collect({ v }) {
      const current = vote;
      if (current?.v !== v) throw new Error(`vote ${v} is not armed`);
      await current.done;
      return {
        opened: current.opened,
        ack: Float64Array.from(current.ack),
        firstCast: current.firstCast,
        lastAck: current.lastAck,
        tallyAt: current.tallyAt,
        sent: current.sent,
        refused: current.refused,
        refusal: current.refusal,
        openedBytes: current.openedBytes,
      };
    },
    /** The counts of vote `v`'s vote.closed event as this worker's watcher saw them. */
    async closed({ v }) {
      const current = vote;
      if (current?.v !== v) throw new Error(`vote ${v} is not armed`);
      return watcher === null ? null : current.closed;
    },
    status() {
      return {
        councillors: councillors.length,
        viewers: viewers.length,
        sawOpen: vote === null ? 0 : vote.opened.filter((t) => t !== 0).length,
        acknowledged: vote === null ? 0 : vote.ack.length,
        refused: vote?.refused ?? 0,
        sawFinalTally: vote?.seen ?? 0,
        unexpectedCloses,
        socketErrors,
      };
    },
    closeLive() {
      live = false;
      vote = null;
      for (const c of [...councillors, ...viewers]) c.socket.terminate();
      councillors = [];
      viewers = [];
      return null;
    },
    async rawConnect({ url, count, batch }) {
      raw = await openMany(url, count, batch, () => undefined);
      raw.forEach((socket, k) =>
        socket.on('message', (data) => {
          const at = clock();
          JSON.parse(data);
          if (round === null || round.arrivals[k] !== 0) return;
          round.arrivals[k] = at;
          if (++round.received === raw.length) round.resolve();
        }),
      );
      return null;
    },
    rawArm({ r }) {
      let resolve;
      const done = new Promise((res) => (resolve = res));
      round = { r, arrivals: new Float64Array(raw.length), received: 0, resolve, done };
      if (raw.length === 0) resolve();
      return null;
    },
    async rawCollect({ r }) {
      const current = round;
      if (current?.r !== r) throw new Error(`round ${r} is not armed`);
      await current.done;
      return current.arrivals;
    },
    rawClose() {
      for (const socket of raw) socket.terminate();
      raw = [];
      round = null;
      return null;
    },
  };
  process.on('message', (message) => {
    Promise.resolve()
      .then(() => handlers[message.type](message))
      .then(
        (result) => process.send({ id: message.id, result }),
        (error) => process.send({ id: message.id, error: String(error?.stack ?? error) }),
      );
  });
  process.send({ ready: true });
}

// ============================ main: database, server, phases, report =========================
async function runMain() {
  const N = Number(args.councillors ?? 2000);
  const M = Number(args.viewers ?? 5000);
  const VOTES = Number(args.votes ?? 20);
  const W = Math.max(1, Math.floor(Number(args.workers ?? 2)));
  const DB = args.db ?? 'embedded';
  const PROFILE_DIR = args.profile;
  const PG_URL = process.env.VECHE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const VOTE_LIMIT_MS = Number(process.env.VOTE_LIMIT_MS ?? 120_000);
  if (![N, M, VOTES].every((n) => Number.isInteger(n) && n >= 0) || N === 0 || !(W >= 1)) {
    console.error(
      '--councillors and --workers must be positive integers; --viewers and --votes integers',
    );
    process.exit(2);
  }

  // ---------- stopping: never leave a process behind ----------
  const started = Date.now();
  /** Every child process started; killed outright if this process exits with any alive. */
  const children = new Set();
  const alive = (child) => child.exitCode === null && child.signalCode === null;
  let server = null;
  let broadcaster = null;
  let operator = null;
  let workers = [];
  let dataDir = null;
  let dropDatabase = async () => {};
  let stopping = false;
  process.on('exit', () => {
    for (const child of children) if (alive(child)) child.kill('SIGKILL');
    if (dataDir !== null) rmSync(dataDir, { recursive: true, force: true });
  });
  const exited = (child, limit) =>
    alive(child)
      ? within(
          new Promise((resolve) => child.once('exit', resolve)),
          limit,
          `pid ${child.pid} exit`,
        ).catch(() => child.kill('SIGKILL'))
      : Promise.resolve();
  /** Stops everything this run started (bounded), then exits with `code`. */
  async function shutdown(code, message) {
    if (stopping) return;
    stopping = true;
    if (message) console.error(message);
    setTimeout(() => process.exit(code), 30_000).unref();
    // The clients go first: with WebSockets still open the server's graceful stop does not end
    // (it waits for them) until its own deadline.
    operator?.terminate();
    for (const worker of workers) if (alive(worker.child)) worker.child.kill('SIGTERM');
    if (broadcaster !== null && alive(broadcaster)) broadcaster.kill('SIGTERM');
    await Promise.all(workers.map((worker) => exited(worker.child, 5_000)));
    if (server !== null && alive(server)) server.kill('SIGTERM');
    await Promise.all([...children].map((child) => exited(child, 15_000)));
    await dropDatabase().catch(() => {});
    process.exit(code);
  }
  const guard = setTimeout(
    () => void shutdown(2, 'benchmark ran past its time limit; stopping'),
    LIMIT_MS,
  );
  guard.unref();
  process.once('SIGINT', () => void shutdown(130, 'interrupted; stopping'));
  process.once('SIGTERM', () => void shutdown(143, 'terminated; stopping'));
  process.on(
    'unhandledRejection',
    (error) => void shutdown(2, `benchmark failed: ${error?.stack ?? error}`),
  );
  try {
    await run();
  } catch (error) {
    await shutdown(2, `benchmark failed: ${error?.stack ?? error}`);
  }

  async function run() {
    const pct = (values, p) => {
      if (values.length === 0) return NaN;
      const sorted = Float64Array.from(values).sort();
      return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
    };
    const max = (values) => values.reduce((a, b) => Math.max(a, b), -Infinity);
    const ms = (v) => `${v.toFixed(1)} ms`;
    const dist = (path) => new URL(`../packages/server/dist/${path}`, import.meta.url).href;
    const { openEmbeddedDatabase, openPostgresDatabase, EMBEDDED_START_PARAMS } = await import(
      dist('storage/database.js')
    );
    const { createRepositories } = await import(dist('storage/repositories.js'));
    const { hashPassword } = await import(dist('accounts/password.js'));
    const { newSessionToken, hashSessionToken } = await import(dist('accounts/session-token.js'));
    const pg = (await import('pg')).default;

    // ---------- the workers (started first: they are ready by the time the server is) ----------
    // Worker w gets councillors [N*w/W, N*(w+1)/W) and viewers [M*w/W, M*(w+1)/W).
    const share = (count, w) => Math.floor((count * (w + 1)) / W) - Math.floor((count * w) / W);
    workers = Array.from({ length: W }, (_, w) => {
      const child = fork(fileURLToPath(import.meta.url), ['--worker'], {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        serialization: 'advanced',
        execArgv: [],
      });
      children.add(child);
      const pending = new Map();
      let nextId = 0;
      let ready;
      const worker = {
        w,
        child,
        firstCouncillor: Math.floor((N * w) / W),
        councillors: share(N, w),
        viewers: share(M, w),
        ready: new Promise((resolve) => (ready = resolve)),
        /** Asks the worker to do `type`; resolves with its answer. */
        request: (type, payload = {}) =>
          new Promise((resolve, reject) => {
            if (!child.connected) return reject(new Error(`worker ${w} is gone`));
            const id = nextId++;
            pending.set(id, { resolve, reject });
            child.send({ id, type, ...payload }, (error) => {
              if (error === null) return;
              pending.delete(id);
              reject(error);
            });
          }),
      };
      child.on('message', (message) => {
        if (message.ready) return ready();
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        if (message.error !== undefined) waiter?.reject(new Error(`worker ${w}: ${message.error}`));
        else waiter?.resolve(message.result);
      });
      child.on('error', () => {}); // A failed send rejects its request (above).
      child.on('exit', (code, signal) => {
        for (const { reject } of pending.values()) reject(new Error(`worker ${w} exited`));
        if (!stopping && !worker.expectedExit)
          void shutdown(2, `worker ${w} exited unexpectedly (${signal ?? code})`);
      });
      return worker;
    });
    const all = (type, payload) => Promise.all(workers.map((w) => w.request(type, payload)));

    // ---------- database: a council of N members, an operator, a convened sitting, sessions ----------
    dataDir = mkdtempSync(join(tmpdir(), 'veche-bench-voting-'));
    let databaseUrl;
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
        dropDatabase = async () => {};
        const c = new pg.Client({ connectionString: PG_URL });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      };
      return openPostgresDatabase(databaseUrl);
    }

    const database = await openBenchDatabase();
    await database.migrate();
    const repos = createRepositories({
      db: database.db,
      clock: () => new Date(),
      newId: randomUUID,
    });
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
      councillorCookies.push(
        await userWithSession(`radny${i}@bench.example`, 'councillor', person.id),
      );
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

    // ---------- the common clock: how far apart the processes' clocks are ----------
    await within(Promise.all(workers.map((w) => w.ready)), 30_000, 'workers start');
    let clockOffset = 0;
    let clockUncertainty = 0;
    for (const worker of workers) {
      let best = { rtt: Infinity, offset: 0 };
      for (let k = 0; k < 20; k++) {
        const t0 = clock();
        const tw = await worker.request('clock');
        const t1 = clock();
        if (t1 - t0 < best.rtt) best = { rtt: t1 - t0, offset: tw - (t0 + t1) / 2 };
      }
      if (Math.abs(best.offset) >= Math.abs(clockOffset)) clockOffset = best.offset;
      clockUncertainty = Math.max(clockUncertainty, best.rtt / 2);
    }
    console.log(
      `${W} worker process${W === 1 ? '' : 'es'}; their clocks differ from this one's by at most ${Math.abs(clockOffset).toFixed(3)} ms (± ${clockUncertainty.toFixed(3)} ms)`,
    );

    // ---------- the server ----------
    server = spawn(
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
          LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
          DEMO: 'off',
          ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    children.add(server);
    let serverStopping = false;
    server.once('exit', (code, signal) => {
      if (!stopping && !serverStopping)
        void shutdown(2, `the server exited unexpectedly (${signal ?? code})`);
    });
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
    // After the banner the server writes only its log (LOG_LEVEL=warn): pass it on.
    server.stdout.on('data', (chunk) => process.stderr.write(`server: ${chunk}`));
    const wsUrl = `${url.replace(/^http/, 'ws')}/api/live`;
    /** The server's resident memory; 0 once it is gone (a zombie's status has no VmRSS). */
    const rssMb = () => {
      try {
        const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
        return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
      } catch {
        return 0;
      }
    };
    let peakRss = 0;
    const rssSampler = setInterval(() => {
      peakRss = Math.max(peakRss, rssMb());
    }, 250);
    rssSampler.unref();

    // ---------- clients: the operator here, the councillors and viewers in the workers ----------
    operator = await new Promise((resolve, reject) => {
      const socket = new WebSocket(wsUrl, {
        headers: { cookie: operatorCookie },
        perMessageDeflate: false,
      });
      socket.once('open', () => resolve(socket));
      socket.once('error', reject);
    });
    // As many connections and subscriptions in flight at once as with one client process.
    const connectBatch = Math.max(1, Math.ceil(200 / W));
    const subscribeBatch = Math.max(1, Math.ceil(500 / W));
    await within(
      Promise.all(
        workers.map((w) =>
          w.request('connect', {
            url: wsUrl,
            kind: 'councillors',
            cookies: councillorCookies.slice(w.firstCouncillor, w.firstCouncillor + w.councillors),
            first: w.firstCouncillor,
            batch: connectBatch,
          }),
        ),
      ),
      120_000,
      'councillor connections',
    );
    await within(
      Promise.all(
        workers.map((w) =>
          w.request('connect', {
            url: wsUrl,
            kind: 'viewers',
            count: w.viewers,
            batch: connectBatch,
          }),
        ),
      ),
      180_000,
      'viewer connections',
    );
    console.log(
      `connected ${N} councillors and ${M} viewers over ${W} worker${W === 1 ? '' : 's'} (${workers.map((w) => `${w.councillors}+${w.viewers}`).join(', ')})`,
    );
    await within(
      all('subscribe', { sitting: sitting.id, batch: subscribeBatch }),
      180_000,
      'subscriptions',
    );

    const results = new Map();
    operator.on('message', (data) => {
      if (!data.toString('latin1', 0, 24).startsWith('{"type":"command.result"')) return;
      const message = JSON.parse(data);
      results.get(message.commandId)?.(message);
      results.delete(message.commandId);
    });
    operator.on('error', (error) => void shutdown(2, `the operator's socket failed: ${error}`));
    const command = (cmd) => {
      const commandId = randomUUID();
      return within(
        new Promise((resolve) => {
          results.set(commandId, resolve);
          operator.send(
            JSON.stringify({ type: 'command', sittingId: sitting.id, commandId, command: cmd }),
          );
        }),
        60_000,
        `operator's ${cmd.type}`,
      );
    };
    const status = async () =>
      (await within(all('status'), 5_000, 'status').catch(() => []))
        .map((s, w) => `worker ${w}: ${JSON.stringify(s)}`)
        .join('; ');

    // ---------- the sitting ----------
    await command({ type: 'sitting.open' });
    await command({ type: 'quorum.start', checkId: 'bench-check', durationMs: 600_000 });
    const presenceStart = clock();
    const confirms = await within(all('presence'), 300_000, 'presence').catch(async (error) => {
      throw new Error(`${error.message}; ${await status()}`);
    });
    const presenceMs = max(confirms.map((c) => c.lastAckAt)) - presenceStart;
    const quorum = await command({ type: 'quorum.close' });
    console.log(
      `quorum: ${confirms.reduce((n, c) => n + c.accepted, 0)} confirmed in ${(presenceMs / 1000).toFixed(1)} s; closed: ${quorum.accepted}`,
    );

    const serverCpuBefore = procCpuTicks(server.pid);
    const workerCpuBefore = workers.map((w) => procCpuTicks(w.child.pid));
    const votePhaseStart = clock();
    const openSeen = [];
    const ackLatency = [];
    const ballotRates = [];
    const tallySeen = [];
    let tallyMismatches = 0;
    let openedMessageBytes = 0;
    for (let v = 1; v <= VOTES; v++) {
      const voteId = `bench-${v}`;
      const expected = { for: 0, against: 0, abstain: 0 };
      for (let i = 0; i < N; i++) expected[choiceOf(i, v)]++;
      await all('arm', { v, voteId, N });
      const openSentAt = clock();
      const opened = command({
        type: 'vote.open',
        voteId,
        subject: `Uchwała ${v}`,
        itemId: null,
        kind: 'named',
        majority: 'pl.simple',
        durationMs: 600_000,
      }).then((r) => {
        if (!r.accepted) throw new Error(`vote.open refused: ${JSON.stringify(r.error)}`);
      });
      const seen = await within(
        Promise.all([all('collect', { v }), opened]).then(([r]) => r),
        VOTE_LIMIT_MS,
        `vote ${v}`,
      ).catch(async (error) => {
        throw new Error(`vote ${v} did not finish (${error.message}); ${await status()}`);
      });
      const refused = seen.filter((s) => s.refused > 0);
      if (refused.length > 0)
        throw new Error(`vote ${v}: ballots refused, for example ${refused[0].refusal}`);
      const firstCast = Math.min(...seen.map((s) => s.firstCast));
      const lastAck = max(seen.map((s) => s.lastAck));
      for (const s of seen) {
        for (const at of s.opened) openSeen.push(at - openSentAt);
        ackLatency.push(...s.ack);
        for (const at of s.tallyAt) tallySeen.push(at - lastAck);
        openedMessageBytes ||= s.openedBytes;
      }
      ballotRates.push(N / ((lastAck - firstCast) / 1000));
      const sent = { for: 0, against: 0, abstain: 0 };
      for (const s of seen) for (const choice of Object.keys(sent)) sent[choice] += s.sent[choice];
      // The workers listen for the close since `arm`: the event may well come before the answer.
      const closedCounts = within(all('closed', { v }), 60_000, `vote ${v} close`);
      closedCounts.catch(() => {}); // Awaited below; not an unhandled rejection meanwhile.
      const closed = await command({ type: 'vote.close', voteId });
      const counts = (await closedCounts).filter((c) => c !== null);
      const same = (a, b) => a.for === b.for && a.against === b.against && a.abstain === b.abstain;
      if (!closed.accepted || !same(sent, expected) || !counts.every((c) => same(c, expected)))
        tallyMismatches++;
      process.stdout.write(
        `vote ${v}: ${N} ballots at ${ballotRates.at(-1).toFixed(0)}/s, counts ${JSON.stringify(counts[0])}\n`,
      );
    }
    const votePhaseMs = clock() - votePhaseStart;
    const cpuSeconds = (procCpuTicks(server.pid) - serverCpuBefore) / 100;
    const workerCpuSeconds = workers.map(
      (w, k) => (procCpuTicks(w.child.pid) - workerCpuBefore[k]) / 100,
    );
    clearInterval(rssSampler);
    // Clients first: the server's graceful stop waits for its WebSockets to end (see shutdown).
    await all('closeLive');
    operator.terminate();
    operator = null;
    serverStopping = true;
    server.kill('SIGTERM');
    await exited(server, 30_000);

    // ---------- baseline 1: a plain ws broadcast to as many sockets, in its own process ----------
    // The same workers read it, each with as many sockets as it had councillors and viewers.
    const BROADCAST = `
      const { WebSocketServer } = require('ws');
      const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
      wss.on('listening', () => process.send({ port: wss.address().port }));
      process.on('disconnect', () => process.exit(0));
      process.on('message', (m) => {
        const text = JSON.stringify({ pad: 'x'.repeat(m.bytes), sentAt: Date.now() });
        for (const client of wss.clients) client.send(text);
      });`;
    broadcaster = spawn(process.execPath, ['-e', BROADCAST], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      cwd: new URL('../packages/server/', import.meta.url).pathname,
    });
    children.add(broadcaster);
    const { port } = await within(
      new Promise((resolve) => broadcaster.once('message', resolve)),
      30_000,
      'raw broadcaster start',
    );
    await within(
      Promise.all(
        workers.map((w) =>
          w.request('rawConnect', {
            url: `ws://127.0.0.1:${port}`,
            count: w.councillors + w.viewers,
            batch: Math.max(1, Math.ceil(500 / W)),
          }),
        ),
      ),
      120_000,
      'raw connections',
    );
    const rawSeen = [];
    for (let r = 0; r < 5; r++) {
      await all('rawArm', { r });
      const sentAt = clock();
      broadcaster.send({ bytes: Math.max(0, openedMessageBytes - 40) });
      const arrivals = await within(all('rawCollect', { r }), 60_000, 'raw broadcast');
      for (const list of arrivals) for (const at of list) rawSeen.push(at - sentAt);
    }
    await all('rawClose');
    broadcaster.kill();
    await exited(broadcaster, 10_000);
    for (const worker of workers) {
      worker.expectedExit = true;
      worker.child.disconnect();
    }
    await Promise.all(workers.map((w) => exited(w.child, 10_000)));

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
    const rawRate = await within(rawInsertRate(), 120_000, 'raw inserts');
    await dropDatabase();
    rmSync(dataDir, { recursive: true, force: true });
    dataDir = null;

    // ---------- report ----------
    const veche = { p50: pct(openSeen, 50), p99: pct(openSeen, 99), max: max(openSeen) };
    const raw = { p50: pct(rawSeen, 50), p99: pct(rawSeen, 99), max: max(rawSeen) };
    const ballotsPerSecond = pct(ballotRates, 50);
    const report = {
      machine: `${cpus().length} cores, Node ${process.version}`,
      database: DB,
      councillors: N,
      viewers: M,
      votes: VOTES,
      workers: W,
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
        max: max(tallySeen),
      },
      serverPeakRssMb: peakRss,
      serverCpuSecondsInVotes: cpuSeconds,
      votePhaseSeconds: votePhaseMs / 1000,
      tallyMismatches,
    };
    console.log(`
vote opened -> seen by every councillor: p50 ${ms(veche.p50)}, p99 ${ms(veche.p99)}, max ${ms(veche.max)}   (target p99 <= 100 ms)
  raw ws broadcast of the same size (${openedMessageBytes} bytes) to ${N + M} sockets: p50 ${ms(raw.p50)}, p99 ${ms(raw.p99)}; ratio p99 ${report.fanOutRatioP99.toFixed(2)} (target <= 1.5)
ballot cast -> acknowledged: p50 ${ms(report.castToAckMs.p50)}, p99 ${ms(report.castToAckMs.p99)}   (target p99 <= 25 ms)
ballots per second (median of votes): ${ballotsPerSecond.toFixed(0)}; raw multi-row INSERT: ${rawRate.toFixed(0)} rows/s; ratio ${report.ballotRatio.toFixed(2)} (target >= 0.5)
final tally -> seen by every viewer: p50 ${ms(report.finalTallyToViewersMs.p50)}, p99 ${ms(report.finalTallyToViewersMs.p99)}
server: peak RSS ${peakRss.toFixed(0)} MB, ${cpuSeconds.toFixed(1)} CPU s over ${(votePhaseMs / 1000).toFixed(1)} s of votes; presence of ${N} took ${(presenceMs / 1000).toFixed(1)} s
clients: ${W} worker process${W === 1 ? '' : 'es'}, ${workerCpuSeconds.map((s) => s.toFixed(1)).join(' + ')} CPU s over the votes
final tallies that differ from the ballots sent: ${tallyMismatches}
${JSON.stringify(report)}`);
    process.exit(tallyMismatches === 0 ? 0 : 1);
  }
}
