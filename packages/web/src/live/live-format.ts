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

/** "26 kB", "1,4 MB": a file's size in the reader's number format, in decimal units. */
export function formatFileSize(bytes: number, language: string): string {
  const [value, unit] =
    bytes >= 1_000_000 ? [bytes / 1_000_000, 'megabyte'] : [Math.max(1, bytes / 1_000), 'kilobyte'];
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit,
    maximumFractionDigits: value < 10 ? 1 : 0,
  }).format(value);
}

const KIND_OF_TYPE: Readonly<Record<string, string>> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
};

/** The short name of a document's format, as people know it: "PDF", "DOCX". */
export function documentKind(mediaType: string): string {
  return KIND_OF_TYPE[mediaType] ?? mediaType;
}
