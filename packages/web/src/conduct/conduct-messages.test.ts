import { createInstance } from 'i18next';
import type { SittingCommand } from '@veche/domain';
import { describe, expect, it } from 'vitest';
import { i18nOptions } from '../i18n/i18n-options';
import { LANGUAGES } from '../i18n/language';
import type { SittingView } from '../live/sitting-view';
import { viewAfter } from '../live/testing/domain-sitting';
import { consoleNotice } from './conduct-messages';

const i18n = createInstance(i18nOptions('en'));
void i18n.init();
const t = i18n.t;
const OPERATOR = 'u-operator';

const openVote: SittingCommand = {
  type: 'vote.open',
  voteId: 'v1',
  subject: 'Budget amendment',
  itemId: null,
  kind: 'named',
  majority: 'pl.simple',
  options: null,
  durationMs: 60_000,
};
const cast = (memberId: string, choice: string): SittingCommand => ({
  type: 'vote.cast',
  voteId: 'v1',
  memberId,
  choice,
});
const close: SittingCommand = { type: 'vote.close', voteId: 'v1', by: 'operator' };
const chat = (messageId: string, userId: string, memberId: string | null): SittingCommand => ({
  type: 'chat.send',
  messageId,
  from: { userId, memberId },
  to: { kind: 'conductors' },
  text: `Question ${messageId}`,
});

/** A view with the given chat messages, as the domain folds them (no permission check). */
const notice = (view: SittingView) => consoleNotice(t, view, OPERATOR);

describe('what the console says politely', () => {
  it('says whether the quorum check found a quorum, with the numbers', () => {
    // The opening (testing/domain-sitting): 5 of 7 confirm, 4 required.
    expect(notice(viewAfter())).toEqual({
      key: 'quorum:c0',
      text: 'Quorum check ended: quorum present, 5 of 7 (4 required).',
    });
    const running = viewAfter({ type: 'quorum.start', checkId: 'c1', durationMs: 60_000 });
    expect(notice(running)).toEqual({ key: 'check:c1', text: 'Quorum check started.' });
    const none = viewAfter(
      { type: 'quorum.start', checkId: 'c1', durationMs: 60_000 },
      { type: 'presence.confirm', memberId: 'm1' },
      { type: 'quorum.close', by: 'operator' },
    );
    expect(notice(none)?.text).toBe('Quorum check ended: no quorum, 1 of 7 (4 required).');
  });

  it('announces a vote by its subject, then its outcome with the counts', () => {
    expect(notice(viewAfter(openVote))).toEqual({
      key: 'vote:v1',
      text: 'Vote opened: Budget amendment',
    });
    const closed = viewAfter(
      openVote,
      cast('m1', 'for'),
      cast('m2', 'for'),
      cast('m3', 'against'),
      close,
    );
    expect(notice(closed)).toEqual({
      key: 'closed:v1',
      text: 'Vote closed: passed. For: 2, Against: 1, Abstain: 0.',
    });
    const failed = viewAfter(openVote, cast('m1', 'against'), close);
    expect(notice(failed)?.text).toBe('Vote closed: not passed. For: 0, Against: 1, Abstain: 0.');
    const annulled = viewAfter(openVote, close, {
      type: 'vote.annul',
      voteId: 'v1',
      reason: 'Fault',
    });
    expect(notice(annulled)).toEqual({ key: 'annulled:v1', text: 'The vote was annulled.' });
  });

  it('reads out a new chat message from someone else, never the operator’s own', () => {
    const asked = viewAfter(chat('q1', 'u-m2', 'm2'));
    expect(notice(asked)).toEqual({
      key: 'chat:q1',
      text: 'New message from Member m2: Question q1',
    });
    // The operator's own reply changes nothing: the question stays the newest news.
    const replied = viewAfter(chat('q1', 'u-m2', 'm2'), chat('r1', OPERATOR, null));
    expect(notice(replied)?.key).toBe('chat:q1');
    // The chair (another conductor, without a seat here) reads as the council office.
    expect(notice(viewAfter(chat('c1', 'u-chair', null)))?.text).toBe(
      'New message from Council office: Question c1',
    );
  });

  it('says who has been given the floor, after what came before', () => {
    const granted = viewAfter(
      openVote,
      close,
      {
        type: 'speaker.request',
        requestId: 'r1',
        speaker: { kind: 'member', memberId: 'm3' },
        speechType: 'normal',
      },
      { type: 'speaker.grant' },
    );
    expect(notice(granted)).toEqual({ key: 'floor:r1', text: 'The floor is given to Member m3.' });
  });

  it('has its words in every language', () => {
    for (const language of LANGUAGES) {
      const local = createInstance(i18nOptions(language));
      void local.init();
      const view = viewAfter(openVote, cast('m1', 'for'), close);
      const text = consoleNotice(local.t, view, OPERATOR)?.text ?? '';
      expect(text, language).not.toContain('conduct.announce');
      expect(text, language).toMatch(/1/);
    }
  });
});
