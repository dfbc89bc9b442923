import { LANGUAGES } from '@veche/domain';
import { describe, expect, it } from 'vitest';
import { CHANGE_PHRASES, describeChange, type NoticeChange } from './notice-changes.js';

const CHANGES: readonly NoticeChange[] = [
  { kind: 'item_added', number: '3', title: 'Wolne wnioski' },
  { kind: 'item_removed', number: '4', title: 'Sprawy różne' },
  { kind: 'item_retitled', number: '2', title: 'Budżet 2027', previousTitle: 'Budżet' },
  { kind: 'item_moved', number: '1', title: 'Otwarcie', previousNumber: '2' },
  { kind: 'document_added', title: 'Projekt uchwały' },
  { kind: 'start_changed', startsAt: '2026-12-01T09:00:00.000Z' },
  { kind: 'place_changed', place: null },
  { kind: 'mode_changed', mode: 'remote' },
];

describe('changes told to members', () => {
  it('are written out in every language with every field filled in', () => {
    for (const language of LANGUAGES) {
      for (const change of CHANGES) {
        const line = describeChange(change, language, 'Europe/Warsaw');
        expect(line, `${change.kind} in ${language}`).not.toMatch(/\{\{|undefined/);
        if ('title' in change) expect(line).toContain(change.title);
      }
    }
  });

  it('say the time on the council’s clock and name a missing place', () => {
    const start = CHANGES[5]!;
    expect(describeChange(start, 'pl', 'Europe/Warsaw')).toContain('10:00');
    expect(describeChange(start, 'en', 'Europe/Sofia')).toContain('11:00');
    expect(describeChange(CHANGES[6]!, 'pl', 'Europe/Warsaw')).toBe('Nowe miejsce: nie podano');
    expect(describeChange(CHANGES[7]!, 'bg', 'Europe/Sofia')).toBe(
      'Нова форма на заседанието: дистанционно',
    );
  });

  it('use the same placeholders in every language, and Cyrillic ones no Latin', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);
    for (const kind of CHANGES.map((change) => change.kind)) {
      const english = placeholders(CHANGE_PHRASES.en[kind]).sort();
      for (const language of LANGUAGES) {
        expect(placeholders(CHANGE_PHRASES[language][kind]).sort(), `${kind} ${language}`).toEqual(
          english,
        );
      }
      for (const language of ['bg', 'sr-Cyrl'] as const) {
        expect(CHANGE_PHRASES[language][kind].replace(/\{\{\w+\}\}/g, '')).not.toMatch(/[A-Za-z]/);
      }
    }
  });
});
