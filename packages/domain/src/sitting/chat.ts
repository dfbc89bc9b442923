/**
 * The sitting chat: councillors write to the chair and the operator, or to all members of the
 * sitting; conductors also answer one member privately. Messages are events of the sitting log
 * (kept, like everything else, for the record), so who may read which message is decided here,
 * once, for every way the server shows the log: snapshots, live events and the published log.
 */

/** Who a message is for. */
export type ChatAudience =
  /** The operator and the chair (CONDUCTING_ROLES): a councillor's question to the console. */
  | { readonly kind: 'conductors' }
  /** Every member of the sitting (and the conductors). */
  | { readonly kind: 'members' }
  /** One member privately (and the conductors); only conductors write this way. */
  | { readonly kind: 'member'; readonly memberId: string };

export type ChatAudienceKind = ChatAudience['kind'];
export const CHAT_AUDIENCE_KINDS = [
  'conductors',
  'members',
  'member',
] as const satisfies readonly ChatAudienceKind[];

/** Who wrote: the signed-in user and, when they sit in the body, their member id. */
export interface ChatSender {
  readonly userId: string;
  readonly memberId: string | null;
}

/** A message as the log keeps it: the facts of its `chat.sent` event. */
export interface ChatMessage {
  /** Made up by the client, like vote and request ids: the domain has no randomness. */
  readonly messageId: string;
  readonly from: ChatSender;
  readonly to: ChatAudience;
  /** Trimmed; 1 to CHAT_TEXT_MAX_LENGTH UTF-16 code units (as JavaScript and zod count). */
  readonly text: string;
  readonly at: number;
}

export const CHAT_TEXT_MAX_LENGTH = 2_000;

/**
 * Someone reading the sitting. `null` stands for the public, who never read the chat: it is the
 * members' working channel, not part of the published proceedings.
 */
export interface ChatReader {
  /** Holds `operator` or `chair` in the sitting's council: conductors share one inbox. */
  readonly conducting: boolean;
  readonly userId: string | null;
  /** Their member id in this sitting, or null when they do not sit in its body. */
  readonly memberId: string | null;
}

function wroteIt(message: ChatMessage, reader: ChatReader): boolean {
  const { from } = message;
  return (
    (reader.userId !== null && from.userId === reader.userId) ||
    (reader.memberId !== null && from.memberId === reader.memberId)
  );
}

/**
 * May this reader see this message? Conductors see every message (the chair and the operator
 * answer from a shared inbox, and must see each other's replies); a member sees what is written
 * to all members, what they wrote themselves, and what is written to them; everyone else
 * (the public, council users who do not sit in the body) sees nothing.
 */
export function canReadChat(message: ChatMessage, reader: ChatReader | null): boolean {
  if (reader === null) return false;
  if (reader.conducting) return true;
  if (wroteIt(message, reader)) return true;
  if (reader.memberId === null) return false;
  switch (message.to.kind) {
    case 'members':
      return true;
    case 'member':
      return message.to.memberId === reader.memberId;
    case 'conductors':
      return false;
  }
}

/** The messages this reader may see, in the order they were sent. */
export function chatFor(
  chat: readonly ChatMessage[],
  reader: ChatReader | null,
): readonly ChatMessage[] {
  if (reader === null) return [];
  return reader.conducting ? chat : chat.filter((message) => canReadChat(message, reader));
}
