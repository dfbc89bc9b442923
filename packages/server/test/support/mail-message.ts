/*
 * A minimal reader of RFC 5322 / MIME messages, for tests: enough to read what nodemailer
 * writes (headers folded, RFC 2047 encoded words, multipart/alternative, quoted-printable and
 * base64 bodies in UTF-8). Not a general mail parser.
 */

export interface ParsedMail {
  /** Header names lower-cased; values unfolded and decoded. */
  readonly headers: ReadonlyMap<string, string>;
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string | undefined;
  readonly html: string | undefined;
}

interface Part {
  readonly headers: Map<string, string>;
  readonly body: string;
}

function splitPart(raw: string): Part {
  const normalised = raw.replace(/\r\n/g, '\n');
  const end = normalised.indexOf('\n\n');
  const head = end === -1 ? normalised : normalised.slice(0, end);
  const body = end === -1 ? '' : normalised.slice(end + 2);
  const headers = new Map<string, string>();
  // Folded lines (starting with white space) continue the header above.
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function parameterOf(value: string, name: string): string | undefined {
  const match = new RegExp(`;\\s*${name}="?([^";]+)"?`, 'i').exec(value);
  return match?.[1];
}

function decodeQuotedPrintable(text: string): Buffer {
  const joined = text.replace(/=\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const char = joined[i]!;
    if (char === '=' && /^[0-9A-Fa-f]{2}$/.test(joined.slice(i + 1, i + 3))) {
      bytes.push(parseInt(joined.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(char, 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

function decodeBody(part: Part): string {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString();
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(part.body).toString('utf8');
  return part.body;
}

/** "=?UTF-8?Q?Zaproszenie_do?= =?UTF-8?B?...?=" -> the text; adjacent words join without space. */
export function decodeEncodedWords(value: string): string {
  const word = /=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g;
  return value.replace(/\?=\s+=\?/g, '?==?').replace(word, (_match, _charset, kind, text) => {
    const encoded = String(text);
    return String(kind).toUpperCase() === 'B'
      ? Buffer.from(encoded, 'base64').toString('utf8')
      : decodeQuotedPrintable(encoded.replace(/_/g, ' ')).toString('utf8');
  });
}

function leaves(part: Part): Part[] {
  const type = part.headers.get('content-type') ?? 'text/plain';
  if (!/^multipart\//i.test(type)) return [part];
  const boundary = parameterOf(type, 'boundary');
  if (boundary === undefined) return [];
  const pieces = part.body.split(`--${boundary}`);
  // Before the first boundary is the preamble; after the closing "--" the epilogue.
  return pieces
    .slice(1)
    .filter((piece) => !piece.startsWith('--'))
    .flatMap((piece) => leaves(splitPart(piece.replace(/^\n/, ''))));
}

export function parseMail(raw: string | Buffer): ParsedMail {
  const message = splitPart(raw.toString());
  const headers = new Map(
    [...message.headers].map(([name, value]) => [name, decodeEncodedWords(value)]),
  );
  const parts = leaves(message);
  const ofType = (type: string) =>
    parts.find((part) => (part.headers.get('content-type') ?? 'text/plain').startsWith(type));
  const text = ofType('text/plain');
  const html = ofType('text/html');
  return {
    headers,
    from: headers.get('from') ?? '',
    to: headers.get('to') ?? '',
    subject: headers.get('subject') ?? '',
    text: text === undefined ? undefined : decodeBody(text),
    html: html === undefined ? undefined : decodeBody(html),
  };
}

/** Every http(s) address in a text. */
export function linksIn(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s"<>]+/g)].map((match) => match[0]);
}
