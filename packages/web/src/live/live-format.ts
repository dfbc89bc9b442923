/** Time left as the hall clock shows it: "4:05", "0:09", "1:02:03"; never negative. */
export function formatCountdown(remainingMs: number): string {
  // Rounded up: "0:01" until the very last moment, so "0:00" means the time is up.
  const total = Math.max(0, Math.ceil(remainingMs / 1_000));
  const hours = Math.floor(total / 3_600);
  const minutes = Math.floor((total % 3_600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0
    ? `${String(hours)}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${String(minutes)}:${seconds}`;
}

/**
 * A majority's threshold as the domain wrote it ("10.5", "13 1/3"), in the reader's number
 * format: Polish, Bulgarian and Serbian write "10,5".
 */
export function formatThreshold(text: string, language: string): string {
  if (!/^\d+(\.\d+)?$/.test(text)) return text;
  return new Intl.NumberFormat(language, { maximumFractionDigits: 6 }).format(Number(text));
}
