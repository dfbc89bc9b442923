import type { MailCatalogue } from '../mail-texts.js';

export const srLatn: MailCatalogue = {
  invitation: {
    subject: 'Poziv u Veche – {{councilName}}',
    body: [
      'Dobar dan, {{recipientName}},',
      '{{inviterName}} Vas poziva u Veche, sistem u kome {{councilName}} priprema i vodi svoje sednice.',
      'Nalog će biti aktivan kada postavite lozinku.',
      { link: 'link', label: 'Postavite lozinku' },
      'Veza važi do {{expiresAt}} i može se upotrebiti samo jednom.',
      'Ako niste očekivali ovu poruku, slobodno je zanemarite.',
    ],
  },
  password_reset: {
    subject: 'Nova lozinka za Veche',
    body: [
      'Dobar dan, {{recipientName}},',
      'Primili smo zahtev za novu lozinku za Vaš nalog u sistemu Veche.',
      { link: 'link', label: 'Postavite novu lozinku' },
      'Veza važi do {{expiresAt}} i može se upotrebiti samo jednom.',
      'Ako niste tražili novu lozinku, zanemarite ovu poruku – Vaša dosadašnja lozinka ostaje nepromenjena.',
    ],
  },
  sitting_convened: {
    subject: 'Sazvano: {{sittingName}}',
    body: [
      'Poštovani/a {{recipientName}},',
      '{{councilName}}: sazvana je {{sittingName}} za {{startsAt}}, {{mode}}. Mesto: {{place}}.',
      'Dnevni red:',
      { list: 'agenda' },
      'Dokumenti:',
      { list: 'documents' },
      { link: 'link', label: 'Otvorite sednicu u Veche' },
    ],
  },
  sitting_changed: {
    subject: 'Izmene: {{sittingName}}',
    body: [
      'Poštovani/a {{recipientName}},',
      '{{councilName}}: izmenjena je {{sittingName}} ({{startsAt}}):',
      { list: 'changes' },
      { link: 'link', label: 'Otvorite sednicu u Veche' },
    ],
  },
  speech_request_verify: {
    subject: 'Potvrdite prijavu za reč – {{sittingName}}',
    body: [
      'Poštovani/a {{recipientName}},',
      'prijavili ste se za reč na sednici {{sittingName}} ({{councilName}}, {{startsAt}}) po tački „{{itemTitle}}“.',
      'Prijava se računa kada potvrdite da je ova adresa vaša:',
      { link: 'link', label: 'Potvrđujem prijavu' },
      'Potvrdite je do kraja dana {{lastDay}}. Služba skupštine će zatim odlučiti i pisati vam.',
      'Ako se niste prijavili za reč, zanemarite ovu poruku.',
    ],
  },
  speech_request_approved: {
    subject: 'Možete dobiti reč na sednici {{sittingName}}',
    body: [
      'Poštovani/a {{recipientName}},',
      '{{councilName}} je odobrila vašu prijavu za reč na sednici {{sittingName}} po tački „{{itemTitle}}“.',
      'Sednica počinje {{startsAt}}. Mesto: {{place}}. Kada sednica dođe do te tačke, predsedavajući će vam dati reč.',
      { link: 'link', label: 'Stranica sednice' },
    ],
  },
  speech_request_rejected: {
    subject: 'Vaša prijava za reč na sednici {{sittingName}}',
    body: [
      'Poštovani/a {{recipientName}},',
      '{{councilName}} nije odobrila vašu prijavu za reč na sednici {{sittingName}} po tački „{{itemTitle}}“.',
      'Razlog: {{reason}}',
      { link: 'link', label: 'Stranica sednice' },
    ],
  },
};
