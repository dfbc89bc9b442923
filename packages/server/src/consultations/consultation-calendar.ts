import type { Language } from '@veche/domain';
import ical from 'ical-generator';
import type { ConsultationRow } from '../storage/repositories/consultations.repository.js';

/** The word before a consultation's subject in calendars, in the council's language. */
const CONSULTATION_LABEL: Record<Language, string> = {
  pl: 'Konsultacje',
  bg: 'Обществено обсъждане',
  'sr-Cyrl': 'Јавна расправа',
  'sr-Latn': 'Javna rasprava',
  en: 'Consultation',
};

/**
 * An iCalendar feed (RFC 5545) of a council's published consultations: one event per
 * consultation spanning its period, with a UID that never changes (consultation id @ host), so a
 * subscribed calendar updates a moved period instead of adding an event. Drafts never appear.
 */
export function consultationsCalendar(
  councilName: string,
  language: Language,
  consultations: readonly ConsultationRow[],
  origin: string,
): string {
  const host = new URL(origin).host;
  const calendar = ical({
    name: `${councilName}: ${CONSULTATION_LABEL[language]}`,
    prodId: { company: 'Veche', product: 'consultations' },
  });
  for (const consultation of consultations) {
    if (consultation.publishedAt === null) continue;
    const page = `${origin}/portal/consultations/${consultation.id}`;
    calendar.createEvent({
      id: `consultation-${consultation.id}@${host}`,
      start: consultation.startsAt,
      end: consultation.endsAt,
      stamp: consultation.updatedAt,
      summary: `${CONSULTATION_LABEL[language]}: ${consultation.subject}`,
      url: page,
      description: page,
    });
  }
  return calendar.toString();
}
