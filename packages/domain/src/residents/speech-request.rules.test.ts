import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../interpellations/interpellation.rules.js';
import { SITTING_STATUSES } from '../vocabulary.js';
import {
  normalizedEmail,
  reviewedStatus,
  reviewRefusal,
  SPEECH_REQUEST_STATUSES,
  speechRequestLastDay,
  speechRequestsClosed,
  type SpeechRequestReview,
} from './speech-request.rules.js';

const DAY0 = Date.UTC(1900, 0, 1);
const iso = (day: number) => new Date(DAY0 + day * 86_400_000).toISOString().slice(0, 10);
const anyDay = fc.integer({ min: 10_000, max: 100_000 });

describe('the last day for requests to speak', () => {
  it.each([
    ['2024-09-30', 3, '2024-09-27'], // Kyustendil: by 27 September for the 30th
    ['2026-03-02', 3, '2026-02-27'],
    ['2024-03-02', 3, '2024-02-28'], // leap year
    ['2027-01-02', 5, '2026-12-28'],
    ['2026-11-24', 0, '2026-11-24'],
  ])('for a sitting on %s with %i days is %s', (sittingDate, days, lastDay) => {
    expect(speechRequestLastDay(sittingDate, days)).toBe(lastDay);
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => speechRequestLastDay('2026-11-24', -1)).toThrow(RangeError);
    expect(() => speechRequestLastDay('2026-11-24', 1.5)).toThrow(RangeError);
  });

  it('is always exactly that many days before, and later for fewer days', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 0, max: 30 }), (day, days) => {
        const last = speechRequestLastDay(iso(day), days);
        expect(last).toBe(iso(day - days));
        expect(addCalendarDays(last, days)).toBe(iso(day));
        if (days > 0) expect(speechRequestLastDay(iso(day), days - 1) > last).toBe(true);
      }),
    );
  });
});

describe('whether the portal takes requests', () => {
  it('takes them for a convened sitting up to and on the last day', () => {
    expect(speechRequestsClosed('convened', '2024-09-26', '2024-09-27')).toBeNull();
    expect(speechRequestsClosed('convened', '2024-09-27', '2024-09-27')).toBeNull();
    expect(speechRequestsClosed('convened', '2024-09-28', '2024-09-27')).toBe('deadline_passed');
  });

  it('never for a sitting that is not convened, whatever the day', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SITTING_STATUSES.filter((status) => status !== 'convened')),
        anyDay,
        anyDay,
        (status, today, last) => {
          expect(speechRequestsClosed(status, iso(today), iso(last))).toBe('not_convened');
        },
      ),
    );
  });

  it('for a convened sitting, exactly on the days up to the last', () => {
    fc.assert(
      fc.property(anyDay, anyDay, (today, last) => {
        const closed = speechRequestsClosed('convened', iso(today), iso(last));
        expect(closed === null).toBe(today <= last);
      }),
    );
  });
});

describe('the office review', () => {
  const approve: SpeechRequestReview = { decision: 'approve' };
  const reject = (reason: string): SpeechRequestReview => ({ decision: 'reject', reason });

  it.each([
    ['unverified', approve, 'not_verified'],
    ['pending', approve, null],
    ['pending', reject('Not on the agenda'), null],
    ['pending', reject('   '), 'reason_required'],
    ['approved', reject('Changed our mind'), 'already_reviewed'],
    ['rejected', approve, 'already_reviewed'],
  ] as const)('of a %s request: %o gives %s', (status, review, refusal) => {
    expect(reviewRefusal(status, review)).toBe(refusal);
  });

  it('is accepted only for a pending request, and leaves it approved or rejected', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SPEECH_REQUEST_STATUSES),
        fc.oneof(
          fc.constant(approve),
          fc
            .string({ minLength: 1 })
            .filter((s) => s.trim() !== '')
            .map(reject),
        ),
        (status, review) => {
          const refusal = reviewRefusal(status, review);
          expect(refusal === null).toBe(status === 'pending');
          expect(reviewedStatus(review)).toBe(
            review.decision === 'approve' ? 'approved' : 'rejected',
          );
        },
      ),
    );
  });
});

describe('e-mail addresses compared', () => {
  it('ignore case and surrounding spaces', () => {
    expect(normalizedEmail('  Ana.Petrova@Example.BG ')).toBe('ana.petrova@example.bg');
  });

  it('are idempotent', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (address) => {
        const once = normalizedEmail(address);
        expect(normalizedEmail(once)).toBe(once);
        expect(normalizedEmail(address.toUpperCase())).toBe(once);
      }),
    );
  });
});
