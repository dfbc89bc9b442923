import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acceptsResponses,
  consultationPhase,
  consultationStatus,
  isPersonalDataErasureDue,
  maySurveyChange,
  normalizeEmail,
  periodProblems,
  personalDataErasureDueAt,
  residentDeletionEffect,
  resultsArePublic,
} from './consultation.rules.js';

const START = Date.UTC(2026, 2, 1, 8);
const END = Date.UTC(2026, 2, 31, 16);
const DAY = 86_400_000;

describe('consultation status', () => {
  it.each([
    [START - 1, 'planned'],
    [START, 'ongoing'],
    [END - 1, 'ongoing'],
    [END, 'finished'],
    [END + 365 * DAY, 'finished'],
  ] as const)('at %i the phase is %s', (now, phase) => {
    expect(consultationPhase({ startsAt: START, endsAt: END }, now)).toBe(phase);
    expect(consultationStatus({ startsAt: START, endsAt: END, published: true }, now)).toBe(phase);
  });

  it('is a draft while unpublished, whatever the clock says', () => {
    for (const now of [START - 1, START, END])
      expect(consultationStatus({ startsAt: START, endsAt: END, published: false }, now)).toBe(
        'draft',
      );
  });

  it('moves only forward as the clock runs: planned, ongoing, finished', () => {
    const order = ['planned', 'ongoing', 'finished'];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 1, max: 1e10 }),
        fc.integer({ min: -1e10, max: 2e12 }),
        fc.integer({ min: 0, max: 1e10 }),
        (startsAt, length, now, later) => {
          const period = { startsAt, endsAt: startsAt + length };
          const before = order.indexOf(consultationPhase(period, now));
          const after = order.indexOf(consultationPhase(period, now + later));
          expect(after).toBeGreaterThanOrEqual(before);
          expect(consultationPhase(period, now) === 'ongoing').toBe(
            now >= startsAt && now < startsAt + length,
          );
        },
      ),
    );
  });

  it('says what each status allows', () => {
    expect(
      ['draft', 'planned', 'ongoing', 'finished'].map((s) => maySurveyChange(s as never)),
    ).toEqual([true, true, false, false]);
    expect(acceptsResponses('ongoing')).toBe(true);
    expect(acceptsResponses('planned')).toBe(false);
    expect(acceptsResponses('finished')).toBe(false);
    expect(resultsArePublic('finished')).toBe(true);
    expect(resultsArePublic('ongoing')).toBe(false);
    expect(residentDeletionEffect('ongoing')).toBe('delete');
    expect(residentDeletionEffect('finished')).toBe('anonymise');
  });
});

describe('period', () => {
  it.each([
    [{ startsAt: START, endsAt: END }, undefined, []],
    [{ startsAt: END, endsAt: END }, undefined, [{ field: 'endsAt', code: 'not_after_start' }]],
    [{ startsAt: END, endsAt: START }, undefined, [{ field: 'endsAt', code: 'not_after_start' }]],
    [{ startsAt: START, endsAt: END }, END, [{ field: 'endsAt', code: 'in_the_past' }]],
    [{ startsAt: START, endsAt: END }, START + 1, []],
  ])('%o at %s has problems %o', (period, now, problems) => {
    expect(periodProblems(period, now)).toEqual(problems);
  });
});

describe('retention', () => {
  it.each([
    [90, END + 90 * DAY],
    [0, END],
    [1, END + DAY],
  ])('%i days after the end', (days, due) => {
    expect(personalDataErasureDueAt(END, days)).toBe(due);
    expect(isPersonalDataErasureDue(END, days, due - 1)).toBe(false);
    expect(isPersonalDataErasureDue(END, days, due)).toBe(true);
  });

  it('refuses a retention that is not a whole number of days', () => {
    expect(() => personalDataErasureDueAt(END, -1)).toThrow(RangeError);
    expect(() => personalDataErasureDueAt(END, 1.5)).toThrow(RangeError);
  });

  it('is never due before the consultation ends', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3650 }),
        fc.integer({ min: 1, max: 1e10 }),
        (days, early) => {
          expect(isPersonalDataErasureDue(END, days, END - early)).toBe(false);
        },
      ),
    );
  });
});

describe('e-mail addresses', () => {
  it.each([
    ['Ana@Example.org', 'ana@example.org'],
    ['  ana@example.org ', 'ana@example.org'],
    ['ANA@EXAMPLE.ORG', 'ana@example.org'],
  ])('%s is one resident with %s', (email, normalized) => {
    expect(normalizeEmail(email)).toBe(normalized);
  });
});
