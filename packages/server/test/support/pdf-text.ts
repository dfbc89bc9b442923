import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Whether pdftotext (Debian's poppler-utils) is on this machine. */
export const HAVE_PDFTOTEXT = spawnSync('pdftotext', ['-v']).error === undefined;

/**
 * In CI a missing pdftotext fails the run; elsewhere the tests that need it are skipped, loudly,
 * saying how to enable them. Call it at the top of such a test file, naming what is skipped.
 */
export function requirePdfToText(what: string): void {
  if (HAVE_PDFTOTEXT) return;
  const message =
    `pdftotext is missing, so ${what} are skipped; ` +
    'install it with `apt-get install -y --no-install-recommends poppler-utils`';
  if (process.env['CI'] === 'true') throw new Error(message);
  console.warn(`\n*** SKIPPED: ${message}\n`);
}

/** The PDF's text as pdftotext lays it out, with every run of white space made one space. */
export function pdfText(pdf: Buffer, scratchDir: string): string {
  const file = join(scratchDir, `${randomUUID()}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .replace(/\s+/g, ' ')
    .trim();
}
