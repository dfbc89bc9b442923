import type { WireCommand } from '@veche/protocol';

/**
 * Sends one conducting command; `tag` names what it is about ("vote", "speaker", ...), so that
 * the console can show what is on its way and what failed.
 */
export type Run = (command: WireCommand, tag: string) => void;
