import { readFile } from 'node:fs/promises';
import { verifyRecordText, type RecordVerdict } from '../record/verify-record.js';

/*
 * The `veche` command: `veche verify <url-or-file>` checks a sitting's public record
 * (GET /api/public/sittings/:id/record.json, or a saved copy) without trusting the server that
 * published it. Exit codes: 0 verified, 1 does not verify, 2 could not be read or bad usage.
 */

const USAGE = `Usage: veche verify <url-or-file>

  Checks a sitting's public record: the hash chain of its log, its last hash, the
  members' names against those recorded at the opening, and every vote's seal.
  <url-or-file> is the record's address (https://.../api/public/sittings/<id>/record.json)
  or a file holding a copy of it.

Exit status: 0 verified, 1 does not verify, 2 could not be read.
`;

export interface CliOutput {
  readonly code: number;
  readonly text: string;
}

/** Runs the command line `args` (without `node` and the script) and says what to print. */
export async function runCli(
  args: readonly string[],
  read: (source: string) => Promise<string> = readSource,
): Promise<CliOutput> {
  const [command, source, ...rest] = args;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    return { code: command === undefined ? 2 : 0, text: USAGE };
  }
  if (command !== 'verify' || source === undefined || rest.length > 0) {
    return { code: 2, text: USAGE };
  }
  let text: string;
  try {
    text = await read(source);
  } catch (error) {
    return { code: 2, text: `Could not read ${source}: ${(error as Error).message}\n` };
  }
  const verdict = verifyRecordText(text);
  return { code: verdict.ok ? 0 : 1, text: describeVerdict(verdict) };
}

async function readSource(source: string): Promise<string> {
  if (/^https?:\/\//i.test(source)) {
    const response = await fetch(source, { headers: { accept: 'application/json' } });
    if (!response.ok) throw new Error(`the server answered ${String(response.status)}`);
    return response.text();
  }
  return readFile(source, 'utf8');
}

export function describeVerdict(verdict: RecordVerdict): string {
  if (!verdict.ok) {
    const { problem } = verdict;
    const where =
      problem.seq === null
        ? ''
        : ` at event ${String(problem.seq)}${problem.eventType ? ` (${problem.eventType})` : ''}`;
    return `NOT VERIFIED${where}: ${problem.detail}\n`;
  }
  const { votes } = verdict;
  const sealed = votes.named + votes.open + votes.secret;
  const lines = [
    `verified: sitting ${verdict.sittingId}`,
    `  ${String(verdict.events)} events in an unbroken hash chain` +
      (verdict.redacted > 0
        ? ` (${String(verdict.redacted)} redacted, checked by their links)`
        : ''),
    verdict.head === null
      ? '  the log has not started'
      : `  last event ${String(verdict.head.seq)}, hash ${verdict.head.hash}`,
    `  ${String(sealed)} sealed votes match their digests: ${String(votes.named)} named, ` +
      `${String(votes.open)} open, ${String(votes.secret)} secret`,
    verdict.membersVouched
      ? '  the members are those recorded at the opening'
      : '  the members were not recorded at the opening (an older log, or not opened yet)',
  ];
  return `${lines.join('\n')}\n`;
}
