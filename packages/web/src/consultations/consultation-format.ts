/** An instant as the council's clock shows it, in the reader's language: "1 Dec 2026, 08:00". */
export function formatWhen(instant: string, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(instant));
}
