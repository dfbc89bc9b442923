import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirBusyError, LOCK_FILE_NAME } from './data-dir-lock.js';

describe('the data-folder lock', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'veche-lock-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('is held by one holder at a time and can be taken again once released', () => {
    const lock = acquireDataDirLock(dir);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8'))).toMatchObject({
      pid: process.pid,
    });
    // This process is alive, so a second attempt (as by a second server) is refused.
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirBusyError);
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(false);
    acquireDataDirLock(dir).release();
  });

  it('names the holder and the folder when refusing', () => {
    const lock = acquireDataDirLock(dir);
    try {
      acquireDataDirLock(dir);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DataDirBusyError);
      expect((error as Error).message).toContain(`process ${String(process.pid)}`);
      expect((error as Error).message).toContain(dir);
    } finally {
      lock.release();
    }
  });

  it('takes over the lock of a process that has ended', () => {
    writeFileSync(join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: 4_194_999, startTime: '1' }));
    const lock = acquireDataDirLock(dir);
    const record = JSON.parse(readFileSync(join(dir, LOCK_FILE_NAME), 'utf8')) as { pid: number };
    expect(record.pid).toBe(process.pid);
    lock.release();
  });

  it('takes over a lock whose pid now belongs to another, later process', () => {
    // Our own pid with a start time that is not ours: the holder died and the pid was reused.
    writeFileSync(join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: process.pid, startTime: '0' }));
    const lock = acquireDataDirLock(dir);
    lock.release();
  });

  it('takes over a half-written lock file', () => {
    writeFileSync(join(dir, LOCK_FILE_NAME), '{"pi');
    acquireDataDirLock(dir).release();
  });

  it('does not remove a lock that another process took after this one released it', () => {
    const lock = acquireDataDirLock(dir);
    lock.release();
    writeFileSync(join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: 1, startTime: null }));
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(true);
  });
});
