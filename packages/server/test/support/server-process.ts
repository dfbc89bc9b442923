import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built server; `npm run build` (part of the test command) makes it. */
export const SERVER_ENTRY = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

export interface RunningVeche {
  readonly url: string;
  readonly dataDir: string;
  readonly process: ChildProcess;
  /** Everything the server printed so far (stdout and stderr). */
  logs(): string;
  /** Resolves with the exit code once the process has ended. */
  exited(): Promise<number | null>;
  /** SIGTERM, then waits for the exit; removes the data folder unless `keepData`. */
  stop(options?: { keepData?: boolean }): Promise<number | null>;
}

export interface StartOptions {
  env?: Record<string, string>;
  /** Reuse a data folder (e.g. to test a restart); a fresh temporary one otherwise. */
  dataDir?: string;
  timeoutMs?: number;
}

export interface FinishedProcess {
  readonly code: number | null;
  readonly output: string;
  readonly elapsedMs: number;
}

function environment(dataDir: string, env: Record<string, string> | undefined): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    ...env,
  };
}

export function newDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'veche-test-'));
}

/**
 * Starts the built Veche server as a real process on 127.0.0.1 and a free port, and resolves
 * once it has printed its URL.
 */
export async function startVeche(options: StartOptions = {}): Promise<RunningVeche> {
  if (!existsSync(SERVER_ENTRY)) {
    throw new Error(`${SERVER_ENTRY} is missing: run \`npm run build\` first`);
  }
  const dataDir = options.dataDir ?? newDataDir();
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: environment(dataDir, options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `Veche did not start within ${String(options.timeoutMs ?? 60_000)} ms:\n${output}`,
        ),
      );
    }, options.timeoutMs ?? 60_000);
    const check = () => {
      const match = /Veche is running at (\S+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', check);
    void exit.then((code) => {
      clearTimeout(timer);
      reject(new Error(`Veche exited with ${String(code)} before it was ready:\n${output}`));
    });
  });

  return {
    url,
    dataDir,
    process: child,
    logs: () => output,
    exited: () => exit,
    stop: async ({ keepData = false } = {}) => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const code = await exit;
      if (!keepData && options.dataDir === undefined)
        rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}

/** Runs the server expecting it to exit by itself (bad configuration, busy folder). */
export async function runVecheToExit(options: StartOptions = {}): Promise<FinishedProcess> {
  const dataDir = options.dataDir ?? newDataDir();
  const started = Date.now();
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    env: environment(dataDir, options.env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearTimeout(timer);
  if (options.dataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
  return { code, output, elapsedMs: Date.now() - started };
}
