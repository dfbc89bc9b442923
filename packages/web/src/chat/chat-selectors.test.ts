import { describe, expect, it } from 'vitest';
import type { TrackedCommand } from '../live/live-commands';
import { audienceOf, chatCommand, chatProblem, chatSending, chatTag } from './chat-selectors';

function tracked(tag: string, status: TrackedCommand['status'], createdAt: number): TrackedCommand {
  return {
    commandId: `c${createdAt}`,
    sittingId: 's',
    command: { type: 'chat.send', messageId: 'm', text: 'x', to: 'conductors' },
    tag,
    status,
    createdAt,
    sentOn: null,
    seq: null,
    error: status === 'rejected' ? { code: 'chat_closed' } : null,
    notSentReason: null,
  };
}

describe('chat selectors', () => {
  it('reads the form’s audience', () => {
    expect(audienceOf('conductors')).toEqual({ to: 'conductors' });
    expect(audienceOf('members')).toEqual({ to: 'members' });
    expect(audienceOf('member:m-7')).toEqual({ to: 'member', memberId: 'm-7' });
  });

  it('makes a command the protocol accepts, with a fresh message id', () => {
    const one = chatCommand('Hello', { to: 'member', memberId: 'm1' });
    const two = chatCommand('Hello', { to: 'members' });
    expect(one).toMatchObject({ type: 'chat.send', text: 'Hello', to: 'member', memberId: 'm1' });
    expect(two).not.toHaveProperty('memberId');
    if (one.type !== 'chat.send' || two.type !== 'chat.send') throw new Error('not a chat');
    expect(one.messageId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(one.messageId).not.toBe(two.messageId);
  });

  it('knows a message on its way and the newest failure', () => {
    const floor = tracked('floor:r1', 'sent', 1);
    expect(chatSending([floor])).toBe(false);
    expect(chatSending([floor, tracked(chatTag('a'), 'queued', 2)])).toBe(true);
    const failed = tracked(chatTag('a'), 'rejected', 3);
    expect(chatProblem([failed])).toBe(failed);
    expect(chatProblem([failed, tracked(chatTag('b'), 'accepted', 4)])).toBeNull();
  });
});
