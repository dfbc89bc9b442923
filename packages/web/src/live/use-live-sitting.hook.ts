import type { WireCommand } from '@veche/protocol';
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import type { TrackedCommand } from './live-commands';
import type { ConnectionStatus, FollowOptions, SendOptions } from './live-connection';
import type { SittingFeed } from './sitting-feed';
import { sharedLiveConnection } from './shared-connection';

export interface LiveSitting {
  readonly status: ConnectionStatus;
  readonly signedOut: boolean;
  readonly feed: SittingFeed | null;
  /** This tab's commands to the sitting, oldest first. */
  readonly commands: readonly TrackedCommand[];
  readonly send: (command: WireCommand, options: SendOptions) => string;
  readonly serverNow: () => number;
  readonly retryNow: () => void;
}

/** Follows a sitting over the tab's live connection while the calling component is shown. */
export function useLiveSitting(sittingId: string, options: FollowOptions = {}): LiveSitting {
  const connection = sharedLiveConnection();
  const asPublic = options.asPublic === true;
  useEffect(() => connection.follow(sittingId, { asPublic }), [connection, sittingId, asPublic]);
  const snapshot = useSyncExternalStore(connection.onChange, connection.getSnapshot);
  const commands = useMemo(
    () => snapshot.commands.filter((command) => command.sittingId === sittingId),
    [snapshot.commands, sittingId],
  );
  const send = useCallback(
    (command: WireCommand, options: SendOptions) => connection.send(sittingId, command, options),
    [connection, sittingId],
  );
  const retryNow = useCallback(() => connection.retryNow(), [connection]);
  return {
    status: snapshot.status,
    signedOut: snapshot.signedOut,
    feed: snapshot.feeds.get(sittingId) ?? null,
    commands,
    send,
    serverNow: connection.serverNow,
    retryNow,
  };
}
