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
      'Potvrdite je najkasnije do kraja dana {{lastDay}}, a služba skupštine će zatim odlučiti i pisati vam.',
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
  consultation_response: {
    subject: 'Potvrdite svoje odgovore: {{consultationSubject}}',
    body: [
      'Poštovani/a {{recipientName}},',
      'hvala što ste učestvovali u javnoj raspravi „{{consultationSubject}}” ({{councilName}}).',
      'Vaši odgovori će biti uračunati kada potvrdite ovu adresu elektronske pošte:',
      { link: 'link', label: 'Potvrdi i prikaži moje odgovore' },
      'Istom vezom možete menjati odgovore do {{endsAt}}. Ne delite je ni sa kim.',
      'Ako niste učestvovali u ovoj raspravi, zanemarite ovu poruku; ništa neće biti uračunato.',
    ],
  },
  consultation_response_exists: {
    subject: 'Već ste odgovorili: {{consultationSubject}}',
    body: [
      'Poštovani/a {{recipientName}},',
      'neko je ponovo pokušao da odgovori u javnoj raspravi „{{consultationSubject}}” ({{councilName}}) sa ove adrese. Sa jedne adrese može se odgovoriti samo jednom, pa ništa novo nije sačuvano.',
      'Da biste videli ili izmenili svoje odgovore, upotrebite ovu novu vezu (prethodna više ne važi):',
      { link: 'link', label: 'Prikaži i izmeni moje odgovore' },
      'Izmene su moguće do {{endsAt}}.',
    ],
  },
  consultation_opinion: {
    subject: 'Potvrdite svoje mišljenje: {{consultationSubject}}',
    body: [
      'Poštovani/a {{recipientName}},',
      'hvala na mišljenju u javnoj raspravi „{{consultationSubject}}” ({{councilName}}).',
      'Ono će stići do službe skupštine kada potvrdite ovu adresu elektronske pošte:',
      { link: 'link', label: 'Potvrdi moje mišljenje' },
      'Ako niste slali mišljenje, zanemarite ovu poruku.',
    ],
  },
  resident_data: {
    subject: 'Vaši podaci u javnim raspravama: {{councilName}}',
    body: [
      'Poštovani/a,',
      'pitali ste koje podatke o ovoj adresi elektronske pošte {{councilName}} čuva u javnim raspravama.',
      { link: 'link', label: 'Prikaži moje odgovore i mišljenja' },
      'Tamo ih možete i obrisati. Veza važi do {{expiresAt}}.',
      'Ako niste poslali takav zahtev, zanemarite ovu poruku.',
    ],
  },
};
