/*
 * A recording's start as the office reads it off the council's clock (date, and time to the
 * second), turned into the instant the server stores, and back. Intl gives a zone's wall clock
 * at an instant; the instant of a wall-clock time is found by correcting for the zone's offset,
 * twice, so that a time next to a change of summer time lands on the right side.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface Clock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

function clockAt(instant: number, timeZone: string): Clock {
  const parts = Object.fromEntries(
    formatterOf(timeZone)
      .formatToParts(new Date(instant))
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

const asUtc = (clock: Clock) =>
  Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);

/** `2026-10-27` and `10:01:05` (or `10:01`) on the zone's clock as an ISO instant; null if unreadable. */
export function instantOnClock(date: string, time: string, timeZone: string): string | null {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const hour = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(time.trim());
  if (day === null || hour === null) return null;
  const wall: Clock = {
    year: Number(day[1]),
    month: Number(day[2]),
    day: Number(day[3]),
    hour: Number(hour[1]),
    minute: Number(hour[2]),
    second: Number(hour[3] ?? 0),
  };
  if (wall.month < 1 || wall.month > 12 || wall.day < 1 || wall.day > 31) return null;
  if (wall.hour > 23 || wall.minute > 59 || wall.second > 59) return null;
  const target = asUtc(wall);
  if (new Date(target).getUTCDate() !== wall.day) return null;
  let instant = target;
  try {
    for (let pass = 0; pass < 2; pass++) {
      instant = target - (asUtc(clockAt(instant, timeZone)) - instant);
    }
  } catch {
    return null;
  }
  return new Date(instant).toISOString();
}

const pad = (value: number) => String(value).padStart(2, '0');

/** An instant as the date and the time to the second on the zone's clock. */
export function clockOf(instant: string, timeZone: string): { date: string; time: string } {
  const clock = clockAt(Date.parse(instant), timeZone);
  return {
    date: `${String(clock.year)}-${pad(clock.month)}-${pad(clock.day)}`,
    time: `${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}`,
  };
}
