import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { buildApp } from './app.js';
import { inProcessBus, type EventBus } from './realtime/event-bus.js';
import { redisBus } from './realtime/redis-bus.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import {
  createDemoCouncil,
  DEMO_COUNCIL_NAME,
  DEMO_LOGINS,
  DEMO_PASSWORD,
} from './demo/demo-council.js';
import { createDemoPastSitting } from './demo/demo-past-sitting.js';
import {
  openEmbeddedDatabase,
  openPostgresDatabase,
  type OpenDatabase,
} from './storage/database.js';
import { acquireDataDirLock, DataDirBusyError, type DataDirLock } from './storage/data-dir-lock.js';
import { folderBlobStore } from './storage/blob-store.js';
import { createMailer } from './mail/mailer.js';
import { createRepositories, inTransaction } from './storage/repositories.js';
import type { StorageContext } from './storage/storage-context.js';

/** Exit codes: 2 for a bad configuration, 3 for a data folder in use, 1 for anything else. */
const EXIT_CONFIG = 2;
const EXIT_DATA_DIR_BUSY = 3;

const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

function fail(message: string, code: number): never {
  process.stderr.write(`\nveche: ${message}\n\n`);
  process.exit(code);
}

function banner(config: Config, url: string, database: OpenDatabase, demo: boolean): string {
  const lines = [
    '',
    `  Veche is running at ${url}`,
    `  Public portal (no sign-in): ${url}/portal`,
    database.kind === 'embedded'
      ? `  Database: embedded PostgreSQL (PGlite) in ${config.dataDir}`
      : '  Database: PostgreSQL (DATABASE_URL)',
    config.smtpUrl === undefined
      ? `  E-mail: not sent, but written to ${config.outboxDir} (set SMTP_URL to send)`
      : '  E-mail: sent over SMTP (SMTP_URL)',
  ];
  if (demo && !/^(127\.|::1$|localhost$)/.test(config.host)) {
    lines.push(
      '',
      `  WARNING: the demo accounts below have a published password and this server listens on`,
      `  ${config.host}. Do not leave it reachable by others; start with DEMO=off for real use.`,
    );
  }
  if (demo) {
    lines.push(
      '',
      `  Demo council "${DEMO_COUNCIL_NAME}". Sign in with the password ${DEMO_PASSWORD} as:`,
      ...DEMO_LOGINS.map((login) => `    ${login.role.padEnd(24)} ${login.email}`),
    );
  }
  lines.push('', '  Press Ctrl+C to stop.', '');
  return lines.join('\n');
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message, EXIT_CONFIG);
    throw error;
  }
  const logger = pino({ level: config.logLevel, base: { service: 'veche' } });
  const started = performance.now();
  const since = () => Math.round(performance.now() - started);

  let lock: DataDirLock | undefined;
  let database: OpenDatabase;
  if (config.databaseUrl === undefined) {
    mkdirSync(config.dataDir, { recursive: true });
    try {
      lock = acquireDataDirLock(config.dataDir);
    } catch (error) {
      if (error instanceof DataDirBusyError) fail(error.message, EXIT_DATA_DIR_BUSY);
      throw error;
    }
    database = await openEmbeddedDatabase(join(config.dataDir, 'pgdata'));
  } else {
    database = openPostgresDatabase(config.databaseUrl);
  }

  logger.info({ ms: since(), kind: database.kind }, 'database opened');
  try {
    await database.migrate();
    logger.info({ ms: since() }, 'migrations applied');
  } catch (error) {
    lock?.release();
    fail(`the database could not be prepared: ${(error as Error).message}`, 1);
  }

  const storage: StorageContext = { db: database.db, clock: () => new Date(), newId: randomUUID };
  const repos = createRepositories(storage);
  const demoWanted =
    config.demo === 'on' || (config.demo === 'auto' && database.kind === 'embedded');
  if (demoWanted && (await repos.councils.list()).length === 0) {
    const blobs = folderBlobStore(config.blobDir);
    await inTransaction(storage, (tx) => createDemoCouncil(tx, storage.clock(), blobs));
    try {
      await createDemoPastSitting(storage, storage.clock());
    } catch (error) {
      // The council is there and works without its past sitting; say so and go on.
      logger.warn({ err: error }, 'the demo council\u2019s past sitting could not be created');
    }
    logger.info({ ms: since() }, 'created the demo council');
  }
  const demoPresent = (await repos.users.findByEmail(DEMO_LOGINS[0]!.email)) !== undefined;

  let bus: EventBus;
  try {
    bus =
      config.redisUrl === undefined
        ? inProcessBus()
        : await redisBus(config.redisUrl, config.redisChannel, logger);
  } catch (error) {
    lock?.release();
    fail(`Redis at REDIS_URL could not be reached: ${(error as Error).message}`, 1);
  }
  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    outboxDir: config.outboxDir,
    from: config.mailFrom,
    clock: storage.clock,
  });
  const lifecycle = { stopping: false };
  const app = await buildApp({
    config,
    database,
    storage,
    logger,
    webDist: config.webDist ?? DEFAULT_WEB_DIST,
    lifecycle,
    bus,
    mailer,
  });

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: stopping at once');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'stopping: finishing the requests in flight');
    const deadline = setTimeout(() => {
      logger.error('stopping took too long; exiting');
      lock?.release();
      process.exit(1);
    }, config.shutdownTimeoutMs);
    lifecycle.stopping = true;
    // Connections that fall idle after their last answer are closed as they do.
    const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
    try {
      await app.close();
      await bus.close();
      await mailer.close();
      await database.close();
    } finally {
      clearInterval(sweep);
      lock?.release();
      clearTimeout(deadline);
    }
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', (signal) => void stop(signal));
  process.on('SIGTERM', (signal) => void stop(signal));

  const address = await app.listen({ port: config.port, host: config.host });
  const url =
    config.publicUrl ?? address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
  logger.info({ url, ms: since() }, 'ready');
  process.stdout.write(banner(config, url, database, demoPresent));
}

main().catch((error: unknown) => {
  process.stderr.write(`\nveche: could not start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
