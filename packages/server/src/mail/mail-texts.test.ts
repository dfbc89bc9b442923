import { LANGUAGES } from '@veche/domain';
import { describe, expect, it } from 'vitest';
import { MAIL_KINDS, formatMailTime, type MailBlock, type MailText } from './mail-texts.js';
import { MAIL_CATALOGUES, renderMail } from './render-mail.js';
import {
  CYRILLIC_LETTER,
  LATIN_LETTER,
  ownWords,
  placeholdersIn,
} from '../../test/support/locale-checks.js';

/** Every placeholder and parameter a text uses: `{{name}}`, a link's and a list's parameter. */
function placeholdersOf(text: MailText): string[] {
  const names = new Set<string>(placeholdersIn(text.subject));
  for (const block of text.body as readonly MailBlock[]) {
    if (typeof block === 'string') for (const name of placeholdersIn(block)) names.add(name);
    else if ('link' in block) names.add(`link:${block.link}`);
    else names.add(`list:${block.list}`);
  }
  return [...names].sort();
}

/** The words of a text of its own: its subject, paragraphs and link labels. */
function wordsOf(text: MailText): string {
  return ownWords(
    text.subject,
    ...(text.body as readonly MailBlock[]).map((block) =>
      typeof block === 'string' ? block : 'label' in block ? block.label : '',
    ),
  );
}

const INVITATION = {
  recipientName: 'Anna <Nowak> & Co',
  councilName: 'Rada Miejska w Wierzbowie',
  inviterName: 'Jan Kowalski',
  link: 'https://rada.example.pl/set-password/abc?x=1&y=2',
  expiresAt: '1 grudnia 2026 14:00',
};

describe('the catalogue of e-mail texts', () => {
  it('has every kind in every language with the same placeholders', () => {
    for (const kind of MAIL_KINDS) {
      const reference = placeholdersOf(MAIL_CATALOGUES.en[kind]);
      expect(reference.length).toBeGreaterThan(0);
      for (const language of LANGUAGES) {
        const text = MAIL_CATALOGUES[language][kind];
        expect(text, `${kind} in ${language}`).toBeDefined();
        expect(placeholdersOf(text), `${kind} in ${language}`).toEqual(reference);
        expect(text.subject.trim(), `${kind} in ${language}`).not.toBe('');
      }
    }
  });

  it('writes the Cyrillic languages in Cyrillic only, and the others without Cyrillic', () => {
    for (const kind of MAIL_KINDS) {
      for (const language of ['bg', 'sr-Cyrl'] as const) {
        expect(wordsOf(MAIL_CATALOGUES[language][kind]), `${kind} in ${language}`).not.toMatch(
          LATIN_LETTER,
        );
      }
      for (const language of ['pl', 'sr-Latn', 'en'] as const) {
        expect(wordsOf(MAIL_CATALOGUES[language][kind]), `${kind} in ${language}`).not.toMatch(
          CYRILLIC_LETTER,
        );
      }
    }
  });

  it('renders every kind in every language, with no placeholder left over', () => {
    const params = {
      invitation: INVITATION,
      password_reset: { recipientName: 'Ana', link: INVITATION.link, expiresAt: 'soon' },
      sitting_convened: {
        recipientName: 'Ana',
        councilName: 'Rada',
        sittingName: 'XXV sesja',
        startsAt: 'soon',
        place: 'Sala',
        mode: 'hall',
        agenda: ['1. Otwarcie'],
        documents: ['Projekt'],
        link: INVITATION.link,
      },
      sitting_changed: {
        recipientName: 'Ana',
        councilName: 'Rada',
        sittingName: 'XXV sesja',
        startsAt: 'soon',
        changes: ['Dodano punkt 3'],
        link: INVITATION.link,
      },
      speech_request_verify: {
        recipientName: 'Ana',
        councilName: 'Rada',
        sittingName: 'XXV sesja',
        startsAt: 'soon',
        itemTitle: 'Budżet',
        lastDay: '27.09.2024',
        link: INVITATION.link,
      },
      speech_request_approved: {
        recipientName: 'Ana',
        councilName: 'Rada',
        sittingName: 'XXV sesja',
        startsAt: 'soon',
        place: 'Sala',
        itemTitle: 'Budżet',
        link: INVITATION.link,
      },
      speech_request_rejected: {
        recipientName: 'Ana',
        councilName: 'Rada',
        sittingName: 'XXV sesja',
        itemTitle: 'Budżet',
        reason: 'Po terminie',
        link: INVITATION.link,
      },
      consultation_response: {
        recipientName: 'Ana',
        councilName: 'Rada',
        consultationSubject: 'Park',
        link: INVITATION.link,
        endsAt: 'soon',
      },
      consultation_response_exists: {
        recipientName: 'Ana',
        councilName: 'Rada',
        consultationSubject: 'Park',
        link: INVITATION.link,
        endsAt: 'soon',
      },
      consultation_opinion: {
        recipientName: 'Ana',
        councilName: 'Rada',
        consultationSubject: 'Park',
        link: INVITATION.link,
      },
      resident_data: { councilName: 'Rada', link: INVITATION.link, expiresAt: 'soon' },
    };
    for (const kind of MAIL_KINDS) {
      for (const language of LANGUAGES) {
        const mail = renderMail(kind, language, params[kind]);
        for (const part of [mail.subject, mail.text, mail.html]) expect(part).not.toMatch(/\{\{/);
        expect(mail.text).toContain(INVITATION.link);
      }
    }
  });

  it('escapes parameters in HTML and keeps them as typed in the text', () => {
    const mail = renderMail('invitation', 'pl', INVITATION);
    expect(mail.subject).toBe('Zaproszenie do systemu Veche – Rada Miejska w Wierzbowie');
    expect(mail.text).toContain('Dzień dobry, Anna <Nowak> & Co,');
    expect(mail.html).toContain('Anna &lt;Nowak&gt; &amp; Co');
    expect(mail.html).not.toContain('<Nowak>');
    expect(mail.html).toContain(
      '<a href="https://rada.example.pl/set-password/abc?x=1&amp;y=2">Ustaw hasło</a>',
    );
    expect(mail.html).toContain('<html lang="pl">');
  });

  it('refuses a link that is not a web address, and keeps a subject on one line', () => {
    expect(() =>
      renderMail('invitation', 'en', { ...INVITATION, link: 'javascript:alert(1)' }),
    ).toThrow(/http/);
    const mail = renderMail('invitation', 'en', { ...INVITATION, councilName: 'Town\r\nBcc: x' });
    expect(mail.subject).toBe('Your invitation to Veche – Town Bcc: x');
  });

  it('writes times in the language and the council’s time zone', () => {
    const instant = new Date('2026-12-01T13:00:00Z');
    expect(formatMailTime(instant, 'pl', 'Europe/Warsaw')).toMatch(/1 grudnia 2026.*14:00/);
    expect(formatMailTime(instant, 'bg', 'Europe/Sofia')).toMatch(/15:00/);
    expect(formatMailTime(instant, 'sr-Cyrl', 'Europe/Belgrade')).toMatch(/децембар/);
    expect(formatMailTime(instant, 'sr-Latn', 'Europe/Belgrade')).toMatch(/decembar/);
  });
});
