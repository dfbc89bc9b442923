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
};
