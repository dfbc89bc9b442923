import type { WireCommand } from '@veche/protocol';

/**
 * A command on its way to the server, as the UI shows it (DESIGN.md section 5: commands carry a
 * client-generated id, so a retry after a dropped connection never acts twice).
 *
 * - `queued`: not sent yet, waiting for the connection;
 * - `sent`: sent, no answer yet (sent again, with the same id, when the connection returns);
 * - `accepted` / `rejected`: the server's answer;
 * - `not_sent`: given up before it was ever sent: it waited too long, or what it was for is
 *   over (the vote closed while the phone was offline).
 */
export type CommandStatus = 'queued' | 'sent' | 'accepted' | 'rejected' | 'not_sent';

export interface CommandError {
  readonly code: string;
  readonly facts?: Readonly<Record<string, unknown>>;
}

export interface TrackedCommand {
  readonly commandId: string;
  readonly sittingId: string;
  readonly command: WireCommand;
  /** What the command is about, for the UI to find it again: "ballot:<voteId>", ... */
  readonly tag: string;
  readonly status: CommandStatus;
  readonly createdAt: number;
  /** The socket (by its number) it was last sent on; null while never sent. */
  readonly sentOn: number | null;
  /** Accepted: the log position after it; rejected and the rest: null. */
  readonly seq: number | null;
  readonly error: CommandError | null;
  readonly notSentReason: 'timeout' | 'no_longer_valid' | null;
}

/** Ids the protocol accepts: /^[A-Za-z0-9_-]{8,64}$/. A UUID without its dashes is 32 of them. */
export function newCommandId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

/** The newest command with this tag, if any. */
export function latestTagged(
  commands: readonly TrackedCommand[],
  tag: string,
): TrackedCommand | undefined {
  let found: TrackedCommand | undefined;
  for (const command of commands) {
    if (command.tag === tag && (found === undefined || command.createdAt >= found.createdAt)) {
      found = command;
    }
  }
  return found;
}

/** Still on its way: the UI waits for it (and must not offer to send it twice). */
export function isPending(command: TrackedCommand | undefined): boolean {
  return command?.status === 'queued' || command?.status === 'sent';
}

/** The newest of this tab's commands that `isOne` picks, if it failed: the page says why. */
export function lastFailed(
  commands: readonly TrackedCommand[],
  isOne: (command: TrackedCommand) => boolean,
): TrackedCommand | null {
  const last = commands.findLast(isOne);
  return last?.status === 'rejected' || last?.status === 'not_sent' ? last : null;
}
