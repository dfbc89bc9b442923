import type { MailCatalogue } from '../mail-texts.js';

export const pl: MailCatalogue = {
  invitation: {
    subject: 'Zaproszenie do systemu Veche – {{councilName}}',
    body: [
      'Dzień dobry, {{recipientName}},',
      '{{inviterName}} zaprasza do systemu Veche, w którym {{councilName}} przygotowuje i prowadzi swoje sesje.',
      'Konto zacznie działać, gdy ustawią Państwo hasło.',
      { link: 'link', label: 'Ustaw hasło' },
      'Link jest ważny do {{expiresAt}} i działa tylko raz.',
      'Jeśli ta wiadomość trafiła do Państwa przez pomyłkę, prosimy ją zignorować.',
    ],
  },
  password_reset: {
    subject: 'Ustawienie nowego hasła w systemie Veche',
    body: [
      'Dzień dobry, {{recipientName}},',
      'Otrzymaliśmy prośbę o ustawienie nowego hasła do konta w systemie Veche.',
      { link: 'link', label: 'Ustaw nowe hasło' },
      'Link jest ważny do {{expiresAt}} i działa tylko raz.',
      'Jeśli nie prosili Państwo o zmianę hasła, prosimy zignorować tę wiadomość; dotychczasowe hasło pozostaje bez zmian.',
    ],
  },
  sitting_convened: {
    subject: 'Zwołanie: {{sittingName}}',
    body: [
      'Dzień dobry, {{recipientName}},',
      '{{councilName}}: zwołano {{sittingName}} na {{startsAt}}, {{mode}}. Miejsce: {{place}}.',
      'Porządek obrad:',
      { list: 'agenda' },
      'Dokumenty:',
      { list: 'documents' },
      { link: 'link', label: 'Otwórz sesję w Veche' },
    ],
  },
  sitting_changed: {
    subject: 'Zmiany: {{sittingName}}',
    body: [
      'Dzień dobry, {{recipientName}},',
      '{{councilName}}: zmieniono {{sittingName}} ({{startsAt}}):',
      { list: 'changes' },
      { link: 'link', label: 'Otwórz sesję w Veche' },
    ],
  },
};
