/*
 * Wall-clock time in a council's time zone, with the platform's Intl time-zone data (no library:
 * these two conversions are all the server needs, and Intl already carries the tz database).
 */

export interface WallClock {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function partsIn(instant: Date, timeZone: string): WallClock & { second: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((part) => part.type === type)?.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
}

/** The wall clock in `timeZone` at `instant`. */
export function wallClockIn(instant: Date, timeZone: string): WallClock {
  const { year, month, day, hour, minute } = partsIn(instant, timeZone);
  return { year, month, day, hour, minute };
}

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instantMs: number, timeZone: string): number {
  const p = partsIn(new Date(instantMs), timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The instant at which the wall clock in `timeZone` shows `local`. A time repeated when clocks go
 * back gives the earlier instant; a time skipped when clocks go forward is read with the offset
 * before the change (02:30 becomes 03:30 summer time), as most calendars do.
 */
export function instantOf(local: WallClock, timeZone: string): Date {
  const naive = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  const day = 86_400_000;
  // Offset changes are rare: the offsets a day before and a day after cover every case.
  const before = offsetAt(naive - day, timeZone);
  const after = offsetAt(naive + day, timeZone);
  const valid = [naive - before, naive - after].filter(
    (candidate) => naive - offsetAt(candidate, timeZone) === candidate,
  );
  return new Date(valid.length > 0 ? Math.min(...valid) : naive - before);
}

/** The calendar day (YYYY-MM-DD) on which `instant` falls in `timeZone`: a council's date. */
export function localDateIn(instant: Date, timeZone: string): string {
  const { year, month, day } = wallClockIn(instant, timeZone);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${String(year)}-${pad(month)}-${pad(day)}`;
}
