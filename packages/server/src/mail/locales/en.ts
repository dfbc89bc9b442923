import type { MailCatalogue } from '../mail-texts.js';

export const en: MailCatalogue = {
  invitation: {
    subject: 'Your invitation to Veche – {{councilName}}',
    body: [
      'Hello {{recipientName}},',
      '{{inviterName}} has invited you to Veche, where {{councilName}} prepares and runs its sittings.',
      'Your account becomes active once you set a password.',
      { link: 'link', label: 'Set your password' },
      'The link works until {{expiresAt}}, and only once.',
      'If you did not expect this message, you can ignore it.',
    ],
  },
  password_reset: {
    subject: 'A new password for Veche',
    body: [
      'Hello {{recipientName}},',
      'We received a request to set a new password for your Veche account.',
      { link: 'link', label: 'Set a new password' },
      'The link works until {{expiresAt}}, and only once.',
      'If you did not ask for a new password, ignore this message; your current password stays as it is.',
    ],
  },
  sitting_convened: {
    subject: 'Convened: {{sittingName}}',
    body: [
      'Hello {{recipientName}},',
      '{{councilName}} has convened {{sittingName}} for {{startsAt}}, {{mode}}. Place: {{place}}.',
      'Agenda:',
      { list: 'agenda' },
      'Documents:',
      { list: 'documents' },
      { link: 'link', label: 'Open the sitting in Veche' },
    ],
  },
  sitting_changed: {
    subject: 'Changes: {{sittingName}}',
    body: [
      'Hello {{recipientName}},',
      '{{councilName}} has changed {{sittingName}} ({{startsAt}}):',
      { list: 'changes' },
      { link: 'link', label: 'Open the sitting in Veche' },
    ],
  },
  speech_request_verify: {
    subject: 'Confirm your request to speak – {{sittingName}}',
    body: [
      'Hello {{recipientName}},',
      'You asked to speak at {{sittingName}} of {{councilName}} ({{startsAt}}), on the item “{{itemTitle}}”.',
      'Your request counts once you confirm that this address is yours:',
      { link: 'link', label: 'Confirm my request' },
      'Confirm it by the end of {{lastDay}}. The council office then decides and writes to you.',
      'If you did not ask to speak, ignore this message: nothing will be done with it.',
    ],
  },
  speech_request_approved: {
    subject: 'You may speak at {{sittingName}}',
    body: [
      'Hello {{recipientName}},',
      '{{councilName}} has approved your request to speak at {{sittingName}} on the item “{{itemTitle}}”.',
      'The sitting begins {{startsAt}}. Place: {{place}}. When the sitting reaches the item, the chair gives you the floor.',
      { link: 'link', label: 'The sitting’s page' },
    ],
  },
  speech_request_rejected: {
    subject: 'Your request to speak at {{sittingName}}',
    body: [
      'Hello {{recipientName}},',
      '{{councilName}} did not approve your request to speak at {{sittingName}} on the item “{{itemTitle}}”.',
      'The reason: {{reason}}',
      { link: 'link', label: 'The sitting’s page' },
    ],
  },
  consultation_response: {
    subject: 'Confirm your answers: {{consultationSubject}}',
    body: [
      'Hello {{recipientName}},',
      'Thank you for answering the consultation "{{consultationSubject}}" of {{councilName}}.',
      'Your answers count once you confirm this e-mail address:',
      { link: 'link', label: 'Confirm and view my answers' },
      'With the same link you can change your answers until {{endsAt}}. Keep it to yourself.',
      'If you did not answer this consultation, ignore this message; nothing will be counted.',
    ],
  },
  consultation_response_exists: {
    subject: 'You have already answered: {{consultationSubject}}',
    body: [
      'Hello {{recipientName}},',
      'Someone tried to answer the consultation "{{consultationSubject}}" of {{councilName}} again with this e-mail address. Each address answers once, so nothing new was saved.',
      'To see or change your answers, use this new link (the earlier one no longer works):',
      { link: 'link', label: 'View and change my answers' },
      'Changes are possible until {{endsAt}}.',
    ],
  },
  consultation_opinion: {
    subject: 'Confirm your opinion: {{consultationSubject}}',
    body: [
      'Hello {{recipientName}},',
      'Thank you for your opinion on the consultation "{{consultationSubject}}" of {{councilName}}.',
      'It reaches the council office once you confirm this e-mail address:',
      { link: 'link', label: 'Confirm my opinion' },
      'If you did not send an opinion, ignore this message.',
    ],
  },
  resident_data: {
    subject: 'Your data in the consultations of {{councilName}}',
    body: [
      'Hello,',
      'You asked what {{councilName}} keeps about this e-mail address in its public consultations.',
      { link: 'link', label: 'See my answers and opinions' },
      'There you can also delete them. The link works until {{expiresAt}}.',
      'If you did not ask for this, ignore this message.',
    ],
  },
};
