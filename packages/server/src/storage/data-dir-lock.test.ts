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

  it('does not remove a lock file that is no longer its own', () => {
    const lock = acquireDataDirLock(dir);
    // As if the lock had been taken over meanwhile by another process.
    writeFileSync(join(dir, LOCK_FILE_NAME), JSON.stringify({ pid: 1, startTime: null }));
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE_NAME))).toBe(true);
  });

  it('lets exactly one of many simultaneous starters take a folder', async () => {
    // Separate processes, started together, each trying once; the lock file is the only judge.
    const { spawn } = await import('node:child_process');
    const entry = new URL('./data-dir-lock.ts', import.meta.url).pathname;
    const script = `
      import { acquireDataDirLock } from ${JSON.stringify(entry)};
      try { acquireDataDirLock(process.argv[1]); console.log('took'); setTimeout(() => {}, 1500); }
      catch (error) { console.log(error.name); }`;
    for (let round = 0; round < 4; round++) {
      const folder = mkdtempSync(join(tmpdir(), 'veche-lock-race-'));
      const outputs = await Promise.all(
        Array.from({ length: 6 }, () => {
          const child = spawn(process.execPath, [
            '--import',
            'tsx',
            '--input-type=module',
            '-e',
            script,
            folder,
          ]);
          let out = '';
          child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
          return new Promise<string>((resolve) => child.once('exit', () => resolve(out.trim())));
        }),
      );
      expect(outputs.filter((out) => out === 'took')).toHaveLength(1);
      expect(outputs.filter((out) => out === 'DataDirBusyError')).toHaveLength(5);
      rmSync(folder, { recursive: true, force: true });
    }
  }, 60_000);
});
