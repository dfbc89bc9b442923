const OPTIONS: Intl.DateTimeFormatOptions = {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
};

/**
 * The start of a sitting in the UI language, on the council's clock (not the reader's): a
 * councillor abroad still sees the hour the sitting is called for, with the zone to say so.
 */
export function formatSittingTime(startsAt: string, timeZone: string, language: string): string {
  const instant = new Date(startsAt);
  try {
    return new Intl.DateTimeFormat(language, { ...OPTIONS, timeZone }).format(instant);
  } catch {
    // An unknown zone name must not hide the sitting; UTC with its label is still correct.
    return new Intl.DateTimeFormat(language, { ...OPTIONS, timeZone: 'UTC' }).format(instant);
  }
}
