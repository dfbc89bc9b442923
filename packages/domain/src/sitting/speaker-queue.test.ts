import { describe, expect, it } from 'vitest';
import { enqueueSpeaker } from './speaker-queue.js';
import type { SpeakerEntry, SpeechType } from './speaker-queue.js';

const entry = (requestId: string, type: SpeechType): SpeakerEntry => ({
  requestId,
  speaker: { kind: 'member', memberId: requestId },
  type,
  itemId: null,
  requestedAt: 0,
});

function queueOf(requests: ReadonlyArray<[string, SpeechType]>): string[] {
  return requests
    .reduce<SpeakerEntry[]>((queue, [id, type]) => enqueueSpeaker(queue, entry(id, type)), [])
    .map((queued) => queued.requestId);
}

describe('speaker queue ordering', () => {
  it.each<[string, Array<[string, SpeechType]>, string[]]>([
    [
      'normal requests wait in order',
      [
        ['n1', 'normal'],
        ['n2', 'normal'],
        ['n3', 'normal'],
      ],
      ['n1', 'n2', 'n3'],
    ],
    [
      'a formal motion jumps the queue',
      [
        ['n1', 'normal'],
        ['n2', 'normal'],
        ['f1', 'formal_motion'],
      ],
      ['f1', 'n1', 'n2'],
    ],
    [
      'formal motions are first come first served',
      [
        ['n1', 'normal'],
        ['f1', 'formal_motion'],
        ['f2', 'formal_motion'],
      ],
      ['f1', 'f2', 'n1'],
    ],
    [
      'a formal motion goes ahead of ad vocem',
      [
        ['v1', 'ad_vocem'],
        ['f1', 'formal_motion'],
      ],
      ['f1', 'v1'],
    ],
    [
      'ad vocem goes ahead of normal requests',
      [
        ['n1', 'normal'],
        ['v1', 'ad_vocem'],
        ['n2', 'normal'],
      ],
      ['v1', 'n1', 'n2'],
    ],
    [
      'a mixed queue',
      [
        ['n1', 'normal'],
        ['v1', 'ad_vocem'],
        ['f1', 'formal_motion'],
        ['n2', 'normal'],
        ['v2', 'ad_vocem'],
        ['f2', 'formal_motion'],
      ],
      ['f1', 'f2', 'v1', 'v2', 'n1', 'n2'],
    ],
  ])('%s', (_name, requests, expected) => {
    expect(queueOf(requests)).toEqual(expected);
  });
});
