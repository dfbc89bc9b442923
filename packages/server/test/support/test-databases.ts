import { PGlite } from '@electric-sql/pglite';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  EMBEDDED_START_PARAMS,
  MIGRATIONS_FOLDER,
  openPostgresDatabase,
  wrapPglite,
  type OpenDatabase,
} from '../../src/storage/database.js';

/** The PostgreSQL the storage and server tiers use; trust auth on the CI machines. */
export const TEST_POSTGRES_URL =
  process.env.VECHE_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function migrationsFingerprint(): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(entry.name).update(readFileSync(path));
    }
  };
  walk(MIGRATIONS_FOLDER);
  return hash.digest('hex').slice(0, 16);
}

/**
 * A fresh, migrated in-memory PGlite. A new PGlite costs seconds (it runs initdb), so the first
 * call migrates one and dumps its data folder to a file keyed by the migrations' fingerprint;
 * every later call, in any worker, loads that dump instead.
 */
export async function openTestPglite(): Promise<OpenDatabase> {
  const template = join(tmpdir(), `veche-pglite-template-${migrationsFingerprint()}.tar.gz`);
  if (existsSync(template)) {
    const client = await PGlite.create({
      loadDataDir: new Blob([readFileSync(template)]),
      startParams: EMBEDDED_START_PARAMS,
    });
    return wrapPglite(client);
  }
  const client = await PGlite.create({ startParams: EMBEDDED_START_PARAMS });
  const database = wrapPglite(client);
  await database.migrate();
  const dump = await client.dumpDataDir('gzip');
  const partial = `${template}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, template);
  return database;
}

export type PostgresProbe = { available: true } | { available: false; reason: string };

/** Whether the test PostgreSQL answers. */
export async function probePostgres(): Promise<PostgresProbe> {
  const client = new pg.Client({
    connectionString: TEST_POSTGRES_URL,
    connectionTimeoutMillis: 3_000,
  });
  try {
    await client.connect();
    await client.query('select 1');
    return { available: true };
  } catch (error) {
    return { available: false, reason: (error as Error).message };
  } finally {
    await client.end().catch(() => undefined);
  }
}

export interface TestPostgres {
  readonly database: OpenDatabase;
  readonly url: string;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

/** Creates a fresh, empty database on the test PostgreSQL (not migrated). */
export async function createTestPostgresDatabase(): Promise<{
  url: string;
  drop(): Promise<void>;
}> {
  const name = `veche_test_${String(process.pid)}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

/** A fresh, migrated database on the test PostgreSQL. */
export async function openTestPostgres(): Promise<TestPostgres> {
  const created = await createTestPostgresDatabase();
  const database = openPostgresDatabase(created.url, { poolSize: 4 });
  await database.migrate();
  return {
    database,
    url: created.url,
    drop: async () => {
      await database.close();
      await created.drop();
    },
  };
}

/** Empties every table of the application schema (migrations bookkeeping lives elsewhere). */
export async function truncateAll(database: OpenDatabase): Promise<void> {
  const { sql } = await import('drizzle-orm');
  const result: unknown = await database.db.execute(
    sql`select tablename from pg_tables where schemaname = 'public'`,
  );
  // node-postgres answers with { rows }, PGlite's driver too; guard both shapes.
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as {
    tablename: string;
  }[];
  if (rows.length === 0) return;
  const list = rows.map((row) => `"${row.tablename}"`).join(', ');
  await database.db.execute(sql.raw(`truncate table ${list} cascade`));
}
