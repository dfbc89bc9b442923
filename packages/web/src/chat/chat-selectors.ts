import type { WireCommand } from '@veche/protocol';
import { isPending, lastFailed, newCommandId, type TrackedCommand } from '../live/live-commands';

/** Who a message goes to, as the form offers it. */
export type ChatTarget =
  | { readonly to: 'conductors' }
  | { readonly to: 'members' }
  | { readonly to: 'member'; readonly memberId: string };

/** The form's choice ("conductors", "members", "member:<id>") as an audience. */
export function audienceOf(choice: string): ChatTarget {
  if (choice.startsWith('member:')) return { to: 'member', memberId: choice.slice(7) };
  return choice === 'members' ? { to: 'members' } : { to: 'conductors' };
}

const CHAT_TAG = 'chat:';

export const chatTag = (messageId: string): string => `${CHAT_TAG}${messageId}`;

/** A new `chat.send` command, with its own message id (a retry never sends it twice). */
export function chatCommand(text: string, target: ChatTarget): WireCommand {
  return { type: 'chat.send', messageId: newCommandId(), text, ...target };
}

const isChat = (command: TrackedCommand) => command.tag.startsWith(CHAT_TAG);

/** Whether a message of this tab is still on its way. */
export function chatSending(commands: readonly TrackedCommand[]): boolean {
  return commands.some((command) => isChat(command) && isPending(command));
}

/** The newest message of this tab, if it failed: the panel says why. */
export function chatProblem(commands: readonly TrackedCommand[]): TrackedCommand | null {
  return lastFailed(commands, isChat);
}
