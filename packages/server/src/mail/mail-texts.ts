import type { Language } from '@veche/domain';

/*
 * The e-mails Veche sends, in every language of the app. Each language has its own file under
 * `locales/`; this file holds what they share: the kinds, the parameters each kind takes, and
 * the shape of a text. `mail-texts.test.ts` checks that every kind exists in every language with
 * the same placeholders, and that the Cyrillic texts hold no stray Latin.
 *
 * Adding a kind (e.g. `sitting_convened`): name it in MAIL_KINDS, list its parameters in
 * MailParams, and write it in all five locale files; the compiler then finds every gap.
 */

export const MAIL_KINDS = [
  'invitation',
  'password_reset',
  'sitting_convened',
  'sitting_changed',
  'speech_request_verify',
  'speech_request_approved',
  'speech_request_rejected',
  'consultation_response',
  'consultation_response_exists',
  'consultation_opinion',
  'resident_data',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** A parameter's value: one text, or a list of texts (agenda items, document titles). */
export type MailParamValue = string | readonly string[];

/** What each kind is rendered from. A `...Link` parameter is an absolute https:// address. */
export interface MailParams {
  invitation: {
    recipientName: string;
    councilName: string;
    inviterName: string;
    link: string;
    /** Already written out in the council's time zone and the recipient's language. */
    expiresAt: string;
  };
  password_reset: {
    recipientName: string;
    link: string;
    expiresAt: string;
  };
  /** A sitting was convened: its time, place, agenda and documents, and where to open it. */
  sitting_convened: {
    recipientName: string;
    councilName: string;
    sittingName: string;
    startsAt: string;
    place: string;
    mode: string;
    agenda: readonly string[];
    documents: readonly string[];
    link: string;
  };
  /** A convened sitting changed: what changed, in words. */
  sitting_changed: {
    recipientName: string;
    councilName: string;
    sittingName: string;
    startsAt: string;
    changes: readonly string[];
    link: string;
  };
  /** A resident asked to speak: the link that confirms the address (and so the request). */
  speech_request_verify: {
    recipientName: string;
    councilName: string;
    sittingName: string;
    startsAt: string;
    itemTitle: string;
    lastDay: string;
    link: string;
  };
  /** The office approved a resident's request: when and where, and the sitting's public page. */
  speech_request_approved: {
    recipientName: string;
    councilName: string;
    sittingName: string;
    startsAt: string;
    place: string;
    itemTitle: string;
    link: string;
  };
  /** The office rejected a resident's request, with its reason. */
  speech_request_rejected: {
    recipientName: string;
    councilName: string;
    sittingName: string;
    itemTitle: string;
    reason: string;
    link: string;
  };
  /** A resident's survey response: the link that confirms the address and then edits it. */
  consultation_response: {
    recipientName: string;
    councilName: string;
    consultationSubject: string;
    link: string;
    endsAt: string;
  };
  /** A second response from the same address: a fresh link to the first one instead. */
  consultation_response_exists: {
    recipientName: string;
    councilName: string;
    consultationSubject: string;
    link: string;
    endsAt: string;
  };
  /** A resident's opinion: the link that confirms the address. */
  consultation_opinion: {
    recipientName: string;
    councilName: string;
    consultationSubject: string;
    link: string;
  };
  /** A resident's request for their data: the link to see and delete it. */
  resident_data: {
    councilName: string;
    link: string;
    expiresAt: string;
  };
}

/**
 * A piece of a message's body: a paragraph with `{{placeholders}}`, a link (its label, and the
 * parameter that holds the address), or a bulleted list of a list parameter's items.
 */
export type MailBlock<P extends string = string> =
  string | { readonly link: P; readonly label: string } | { readonly list: P };

export interface MailText<P extends string = string> {
  readonly subject: string;
  readonly body: readonly MailBlock<P>[];
}

/** All the kinds in one language. */
export type MailCatalogue = { readonly [K in MailKind]: MailText<keyof MailParams[K] & string> };

/** The locale Intl formats times with for each of the app's languages. */
export const MAIL_LOCALES: Record<Language, string> = {
  pl: 'pl-PL',
  bg: 'bg-BG',
  'sr-Cyrl': 'sr-Cyrl-RS',
  'sr-Latn': 'sr-Latn-RS',
  en: 'en-GB',
};

/** A moment as people of that language write it, in the council's time zone (with its name). */
export function formatMailTime(instant: Date, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(MAIL_LOCALES[language], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(instant);
}
