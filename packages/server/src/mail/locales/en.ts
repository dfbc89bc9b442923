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
};
