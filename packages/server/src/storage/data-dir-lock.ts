import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/*
 * Why our own lock: PGlite does not lock its data folder, and two processes writing one folder
 * silently lose data. Lock libraries based on a file's mtime (proper-lockfile) cannot tell a live
 * holder from one killed seconds ago, so a restart after a crash would be refused or would wait.
 * The holder's process id plus its start time (from /proc, where there is one) tells at once.
 */

export const LOCK_FILE_NAME = 'veche.lock';

export interface DataDirLock {
  readonly path: string;
  release(): void;
}

export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `Another Veche server (process ${String(holderPid)}) is using the data folder ${dataDir}. ` +
        'Stop that server first, or set DATA_DIR to another folder. Nothing was changed.',
    );
    this.name = 'DataDirBusyError';
  }
}

interface LockRecord {
  pid: number;
  startTime: string | null;
}

/** The kernel's start time of a process (field 22 of /proc/PID/stat), or null off Linux. */
function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${String(pid)}/stat`, 'utf8');
    // The command name (field 2) may contain spaces; fields after it follow the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(record: LockRecord): boolean {
  try {
    process.kill(record.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (record.startTime === null) return true;
  const current = processStartTime(record.pid);
  // Same pid, different start time: the holder died and the pid was reused.
  return current === null || current === record.startTime;
}

function readRecord(path: string): LockRecord | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockRecord>;
    if (typeof parsed.pid !== 'number') return null;
    return { pid: parsed.pid, startTime: parsed.startTime ?? null };
  } catch {
    return null;
  }
}

const EEXIST = 'EEXIST';
const ENOENT = 'ENOENT';
const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code;

/**
 * Takes the lock on `dataDir` (which must exist) or throws DataDirBusyError without touching
 * anything. The record is written in full to a private file first and then linked into place:
 * `link` is atomic and fails if the lock exists, so nobody ever reads a half-written lock. A lock
 * left by a process that no longer runs is renamed aside (only one taker can rename it) and, if
 * what was renamed turns out to be a live lock after all, put back.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const path = join(dataDir, LOCK_FILE_NAME);
  const record: LockRecord = { pid: process.pid, startTime: processStartTime(process.pid) };
  const unique = () => `${path}.${String(process.pid)}.${randomBytes(6).toString('hex')}`;
  for (let attempt = 0; attempt < 5; attempt++) {
    const mine = unique();
    writeFileSync(mine, JSON.stringify(record));
    try {
      linkSync(mine, path);
      return heldLock(path, record);
    } catch (error) {
      if (errorCode(error) !== EEXIST) throw error;
    } finally {
      rmSync(mine, { force: true });
    }
    const holder = readRecord(path);
    if (holder !== null && isAlive(holder)) throw new DataDirBusyError(dataDir, holder.pid);
    const aside = unique();
    try {
      renameSync(path, aside);
    } catch (error) {
      if (errorCode(error) === ENOENT) continue; // Someone else moved it first; try again.
      throw error;
    }
    const moved = readRecord(aside);
    if (moved !== null && isAlive(moved)) {
      // Between our read and our rename a live server took the lock: give it back.
      try {
        linkSync(aside, path);
      } catch (error) {
        if (errorCode(error) !== EEXIST) throw error;
      }
      rmSync(aside, { force: true });
      throw new DataDirBusyError(dataDir, moved.pid);
    }
    rmSync(aside, { force: true });
  }
  throw new Error(`Could not take the lock ${path}: it keeps changing`);
}

function heldLock(path: string, record: LockRecord): DataDirLock {
  let released = false;
  return {
    path,
    release: () => {
      if (released) return;
      released = true;
      const current = readRecord(path);
      if (current?.pid === record.pid && current.startTime === record.startTime) {
        rmSync(path, { force: true });
      }
    },
  };
}
