import { describe, expect, it } from 'vitest';
import { formatSittingTime } from './format-sitting-time';

// 30 September 2025, 08:00 UTC: 10:00 in Warsaw (CEST), 11:00 in Sofia (EEST).
const startsAt = '2025-09-30T08:00:00.000Z';

describe('formatSittingTime', () => {
  it('writes the date in the UI language', () => {
    expect(formatSittingTime(startsAt, 'Europe/Warsaw', 'pl')).toMatch(/wtorek, 30 września 2025/);
    expect(formatSittingTime(startsAt, 'Europe/Warsaw', 'bg')).toMatch(
      /вторник, 30 септември 2025/,
    );
    expect(formatSittingTime(startsAt, 'Europe/Warsaw', 'sr-Cyrl')).toMatch(
      /уторак, 30\. септембар 2025/,
    );
    expect(formatSittingTime(startsAt, 'Europe/Warsaw', 'sr-Latn')).toMatch(
      /utorak, 30\. septembar 2025/,
    );
    expect(formatSittingTime(startsAt, 'Europe/Warsaw', 'en')).toMatch(
      /Tuesday, September 30, 2025/,
    );
  });

  it("shows the hour on the council's clock, not the reader's", () => {
    expect(formatSittingTime(startsAt, 'Europe/Warsaw', 'pl')).toContain('10:00');
    expect(formatSittingTime(startsAt, 'Europe/Sofia', 'bg')).toContain('11:00');
  });

  it('falls back to UTC for a zone it does not know', () => {
    expect(formatSittingTime(startsAt, 'Mars/Olympus', 'en')).toMatch(/08:00.*UTC/);
  });
});
