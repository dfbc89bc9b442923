import type { WireCommand } from '@veche/protocol';
import type { CommandStatus, TrackedCommand } from '../live-commands';

let clock = 0;

/** A command as the live connection tracks it, in the given state, for selector tests. */
export function tracked(
  command: WireCommand,
  tag: string,
  status: CommandStatus,
  extra: Partial<TrackedCommand> = {},
): TrackedCommand {
  clock += 1;
  return {
    commandId: `command-${String(clock)}`,
    sittingId: '5f0c6b8e-3c1a-4d2b-9e4f-0a1b2c3d4e5f',
    command,
    tag,
    status,
    createdAt: clock,
    sentOn: status === 'queued' ? null : 1,
    seq: null,
    error: null,
    notSentReason: null,
    ...extra,
  };
}
