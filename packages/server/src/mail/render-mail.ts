import type { Language } from '@veche/domain';
import { bg } from './locales/bg.js';
import { en } from './locales/en.js';
import { pl } from './locales/pl.js';
import { srCyrl } from './locales/sr-Cyrl.js';
import { srLatn } from './locales/sr-Latn.js';
import type {
  MailBlock,
  MailCatalogue,
  MailKind,
  MailParams,
  MailParamValue,
  MailText,
} from './mail-texts.js';

export const MAIL_CATALOGUES: Record<Language, MailCatalogue> = {
  pl,
  bg,
  'sr-Cyrl': srCyrl,
  'sr-Latn': srLatn,
  en,
};

export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * A message of this kind in this language, as plain text and as HTML. Parameters are the
 * caller's data (names people typed in), so in HTML every one is escaped; a link's address must
 * be http(s), or rendering fails rather than send a `javascript:` link.
 */
export function renderMail<K extends MailKind>(
  kind: K,
  language: Language,
  params: MailParams[K],
): RenderedMail {
  const template = MAIL_CATALOGUES[language][kind] as MailText;
  const values = params as unknown as Record<string, MailParamValue>;
  const value = (name: string): MailParamValue => {
    const found = values[name];
    if (found === undefined) throw new Error(`mail ${kind}: missing parameter ${name}`);
    return found;
  };
  const fill = (line: string, escape: (text: string) => string) =>
    line.replace(PLACEHOLDER, (_match, name: string) => {
      const found = value(name);
      return escape(typeof found === 'string' ? found : found.join(', '));
    });
  // A subject is one line, whatever a name holds.
  const subject = fill(template.subject, (text) => text)
    .replace(/\s+/g, ' ')
    .trim();
  const text = template.body.map((block) => textBlock(block, value, fill)).join('\n\n');
  const html = [
    '<!doctype html>',
    `<html lang="${escapeHtml(language)}"><head><meta charset="utf-8">`,
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5; color: #1a1a1a;">',
    ...template.body.map((block) => htmlBlock(block, value, fill)),
    '</body></html>',
  ].join('\n');
  return { subject, text: `${text}\n`, html: `${html}\n` };
}

type Lookup = (name: string) => MailParamValue;
type Fill = (line: string, escape: (text: string) => string) => string;

function linkOf(value: MailParamValue, name: string): string {
  if (typeof value !== 'string' || !/^https?:\/\//.test(value)) {
    throw new Error(`mail: parameter ${name} must be an http(s) address`);
  }
  return value;
}

function listOf(value: MailParamValue): readonly string[] {
  return typeof value === 'string' ? [value] : value;
}

function textBlock(block: MailBlock, value: Lookup, fill: Fill): string {
  if (typeof block === 'string') return fill(block, (text) => text);
  if ('link' in block) return `${block.label}:\n${linkOf(value(block.link), block.link)}`;
  return listOf(value(block.list))
    .map((item) => `- ${item}`)
    .join('\n');
}

function htmlBlock(block: MailBlock, value: Lookup, fill: Fill): string {
  if (typeof block === 'string') return `<p>${fill(escapeHtml(block), escapeHtml)}</p>`;
  if ('link' in block) {
    const href = escapeHtml(linkOf(value(block.link), block.link));
    return `<p><a href="${href}">${escapeHtml(block.label)}</a><br><span style="font-size: 0.9em;">${href}</span></p>`;
  }
  const items = listOf(value(block.list)).map((item) => `<li>${escapeHtml(item)}</li>`);
  return `<ul>\n${items.join('\n')}\n</ul>`;
}
