import { createInstance } from 'i18next';
import type { WireCommand } from '@veche/protocol';
import { viewAfter } from './testing/domain-sitting';
import { tracked } from './testing/tracked-command';
import { describe, expect, it } from 'vitest';
import { i18nOptions } from '../i18n/i18n-options';
import { liveErrorCode } from './live-error-code';
import { commandProblem, majorityText, politeNotice, urgentNotice } from './live-messages';
import { ballotTag, presenceTag } from './live-selectors';
import { liveUrl } from './shared-connection';

const i18n = createInstance(i18nOptions('en'));
void i18n.init();
const t = i18n.t;

const openVote = {
  type: 'vote.open',
  voteId: 'v1',
  subject: 'Budget amendment',
  itemId: null,
  kind: 'named',
  majority: 'pl.simple',
  durationMs: 60_000,
} as const;
const cast: WireCommand = { type: 'vote.cast', voteId: 'v1', choice: 'for' };

describe('what the page says politely', () => {
  it('announces a quorum check, then the member’s confirmation', () => {
    const view = viewAfter({ type: 'quorum.start', checkId: 'c1', durationMs: 60_000 });
    expect(politeNotice(t, view, 'm6', [])).toEqual({
      key: 'check:c1',
      text: 'Quorum check started. Confirm that you are present.',
    });
    const confirmed = viewAfter(
      { type: 'quorum.start', checkId: 'c1', durationMs: 60_000 },
      { type: 'presence.confirm', memberId: 'm6' },
    );
    expect(politeNotice(t, confirmed, 'm6', [])?.text).toBe('Your presence is confirmed.');
  });

  it('announces a vote by its subject, the recorded ballot, then the outcome', () => {
    const view = viewAfter(openVote);
    expect(politeNotice(t, view, 'm1', [])).toEqual({
      key: 'vote:v1',
      text: 'Vote opened: Budget amendment',
    });
    const recorded = tracked(cast, ballotTag('v1'), 'accepted');
    expect(politeNotice(t, view, 'm1', [recorded])?.text).toBe('Your vote is recorded.');
    const closed = viewAfter(
      openVote,
      { type: 'vote.cast', voteId: 'v1', memberId: 'm1', choice: 'for' },
      { type: 'vote.close', voteId: 'v1', by: 'operator' },
    );
    expect(politeNotice(t, closed, 'm1', [])).toEqual({
      key: 'closed:v1',
      text: 'Vote closed: passed.',
    });
  });
});

describe('what the page says at once', () => {
  it('tells the newest failure, by its translated code', () => {
    const refused = tracked(cast, ballotTag('v1'), 'rejected', {
      error: { code: 'vote_closed' },
    });
    expect(urgentNotice(t, [refused])).toEqual({
      key: refused.commandId,
      text: 'The vote has closed: your vote was not recorded.',
    });
    // A later command, done or on its way, clears the alarm.
    expect(urgentNotice(t, [refused, tracked(cast, ballotTag('v1'), 'sent')])).toBeNull();
  });

  it('says why a command was not sent: too late, or no longer needed', () => {
    const late = tracked({ type: 'presence.confirm' }, presenceTag('c1'), 'not_sent', {
      notSentReason: 'timeout',
    });
    expect(commandProblem(t, late)).toBe(
      'Not sent: there was no connection for too long. Try again.',
    );
    const over = tracked(cast, ballotTag('v1'), 'not_sent', { notSentReason: 'no_longer_valid' });
    expect(commandProblem(t, over)).toBe(
      'Not sent: the vote closed before the connection returned.',
    );
    expect(commandProblem(t, tracked(cast, ballotTag('v1'), 'accepted'))).toBeNull();
  });

  it('gives codes it has no words for a generic message', () => {
    expect(liveErrorCode('already_voted')).toBe('already_voted');
    expect(liveErrorCode('something_new')).toBe('unexpected');
  });
});

describe('the majority rule in words', () => {
  it('names a preset, and writes out a council’s own rule', () => {
    const vote = viewAfter(openVote).votes['v1']!;
    expect(majorityText(t, vote)).toBe('Simple majority (more for than against)');
    const own = {
      ...vote,
      majorityPresetId: null,
      majority: { base: 'statutory', comparison: 'at_least', num: 3, den: 5 } as const,
    };
    expect(majorityText(t, own)).toBe('At least 3/5 of the statutory membership');
    expect(i18n.t('live.majority.pl.simple', { lng: 'pl' })).toBe(
      'Zwykła większość głosów (więcej za niż przeciw)',
    );
  });
});

describe('liveUrl', () => {
  it('is the page’s own origin, over TLS when the page is', () => {
    expect(liveUrl({ protocol: 'https:', host: 'rada.example' })).toBe(
      'wss://rada.example/api/live',
    );
    expect(liveUrl({ protocol: 'http:', host: '127.0.0.1:3000' })).toBe(
      'ws://127.0.0.1:3000/api/live',
    );
  });
});
