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
  speech_request_verify: {
    subject: 'Potwierdź zgłoszenie do zabrania głosu – {{sittingName}}',
    body: [
      'Dzień dobry, {{recipientName}},',
      'zgłosił(a) Pan/Pani chęć zabrania głosu na posiedzeniu {{sittingName}} ({{councilName}}, {{startsAt}}) w punkcie „{{itemTitle}}”.',
      'Zgłoszenie zostanie uwzględnione po potwierdzeniu, że ten adres należy do Pana/Pani:',
      { link: 'link', label: 'Potwierdzam zgłoszenie' },
      'Prosimy potwierdzić do końca dnia {{lastDay}}. Biuro rady rozpatrzy zgłoszenie i odpowie e-mailem.',
      'Jeśli to nie Pan/Pani zgłaszał(a) się do głosu, prosimy zignorować tę wiadomość.',
    ],
  },
  speech_request_approved: {
    subject: 'Może Pan/Pani zabrać głos: {{sittingName}}',
    body: [
      'Dzień dobry, {{recipientName}},',
      '{{councilName}} przyjęła zgłoszenie do zabrania głosu na posiedzeniu {{sittingName}} w punkcie „{{itemTitle}}”.',
      'Posiedzenie rozpocznie się {{startsAt}}. Miejsce: {{place}}. Gdy obrady dojdą do tego punktu, przewodniczący udzieli Panu/Pani głosu.',
      { link: 'link', label: 'Strona posiedzenia' },
    ],
  },
  speech_request_rejected: {
    subject: 'Zgłoszenie do zabrania głosu: {{sittingName}}',
    body: [
      'Dzień dobry, {{recipientName}},',
      '{{councilName}} nie przyjęła zgłoszenia do zabrania głosu na posiedzeniu {{sittingName}} w punkcie „{{itemTitle}}”.',
      'Powód: {{reason}}',
      { link: 'link', label: 'Strona posiedzenia' },
    ],
  },
  consultation_response: {
    subject: 'Potwierdź swoje odpowiedzi: {{consultationSubject}}',
    body: [
      'Dzień dobry, {{recipientName}},',
      'dziękujemy za udział w konsultacjach „{{consultationSubject}}” ({{councilName}}).',
      'Twoje odpowiedzi zostaną policzone, gdy potwierdzisz ten adres e-mail:',
      { link: 'link', label: 'Potwierdź i zobacz moje odpowiedzi' },
      'Pod tym samym linkiem możesz zmieniać odpowiedzi do {{endsAt}}. Nie przekazuj go nikomu.',
      'Jeśli nie brałeś/-aś udziału w tych konsultacjach, zignoruj tę wiadomość; nic nie zostanie policzone.',
    ],
  },
  consultation_response_exists: {
    subject: 'Już udzielono odpowiedzi: {{consultationSubject}}',
    body: [
      'Dzień dobry, {{recipientName}},',
      'ktoś ponownie próbował odpowiedzieć w konsultacjach „{{consultationSubject}}” ({{councilName}}) z tego adresu e-mail. Z jednego adresu można odpowiedzieć tylko raz, więc nic nowego nie zapisano.',
      'Aby zobaczyć lub zmienić swoje odpowiedzi, użyj nowego linku (poprzedni już nie działa):',
      { link: 'link', label: 'Zobacz i zmień moje odpowiedzi' },
      'Zmiany są możliwe do {{endsAt}}.',
    ],
  },
  consultation_opinion: {
    subject: 'Potwierdź swoją opinię: {{consultationSubject}}',
    body: [
      'Dzień dobry, {{recipientName}},',
      'dziękujemy za opinię w konsultacjach „{{consultationSubject}}” ({{councilName}}).',
      'Trafi ona do biura rady, gdy potwierdzisz ten adres e-mail:',
      { link: 'link', label: 'Potwierdź moją opinię' },
      'Jeśli nie wysyłałeś/-aś opinii, zignoruj tę wiadomość.',
    ],
  },
  resident_data: {
    subject: 'Twoje dane w konsultacjach: {{councilName}}',
    body: [
      'Dzień dobry,',
      'zapytałeś/-aś, jakie dane o tym adresie e-mail przechowuje {{councilName}} w konsultacjach społecznych.',
      { link: 'link', label: 'Zobacz moje odpowiedzi i opinie' },
      'Tam możesz je również usunąć. Link działa do {{expiresAt}}.',
      'Jeśli nie wysyłałeś/-aś takiej prośby, zignoruj tę wiadomość.',
    ],
  },
};
