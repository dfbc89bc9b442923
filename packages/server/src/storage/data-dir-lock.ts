import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
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

/**
 * Takes the lock on `dataDir` (which must exist) or throws DataDirBusyError without touching
 * anything. A lock left by a process that is no longer running is taken over.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const path = join(dataDir, LOCK_FILE_NAME);
  const record: LockRecord = { pid: process.pid, startTime: processStartTime(process.pid) };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(record));
      closeSync(fd);
      let released = false;
      return {
        path,
        release: () => {
          if (released) return;
          released = true;
          const current = readRecord(path);
          if (current?.pid === record.pid) rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readRecord(path);
      if (holder !== null && isAlive(holder)) throw new DataDirBusyError(dataDir, holder.pid);
      // A stale or half-written lock: remove it and try again with an exclusive create. Two
      // servers started within the same instant over one stale lock could still both get here;
      // that needs a crash followed by a double start and is not guarded further.
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${path}; is something else rewriting it?`);
}
