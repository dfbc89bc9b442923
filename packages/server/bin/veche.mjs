#!/usr/bin/env node
// The `veche` command (npx veche verify <url-or-file>). Runs the built server package; in a
// fresh clone that has not been built yet, runs the sources through tsx instead.
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli/main.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/main.ts', import.meta.url).href);
}
