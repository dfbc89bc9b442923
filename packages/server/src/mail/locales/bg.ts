import type { MailCatalogue } from '../mail-texts.js';

export const bg: MailCatalogue = {
  invitation: {
    subject: 'Покана за Veche – {{councilName}}',
    body: [
      'Здравейте, {{recipientName}},',
      '{{inviterName}} Ви кани във Veche – системата, в която {{councilName}} подготвя и провежда своите заседания.',
      'Профилът Ви ще бъде активен, след като зададете парола.',
      { link: 'link', label: 'Задайте парола' },
      'Връзката е валидна до {{expiresAt}} и може да се използва само веднъж.',
      'Ако не очаквате това съобщение, просто не му обръщайте внимание.',
    ],
  },
  password_reset: {
    subject: 'Нова парола за Veche',
    body: [
      'Здравейте, {{recipientName}},',
      'Получихме заявка за нова парола за Вашия профил във Veche.',
      { link: 'link', label: 'Задайте нова парола' },
      'Връзката е валидна до {{expiresAt}} и може да се използва само веднъж.',
      'Ако не сте поискали нова парола, не обръщайте внимание на това съобщение – сегашната Ви парола остава непроменена.',
    ],
  },
  sitting_convened: {
    subject: 'Свикано: {{sittingName}}',
    body: [
      'Здравейте, {{recipientName}},',
      '{{councilName}}: свикано е {{sittingName}} за {{startsAt}}, {{mode}}. Място: {{place}}.',
      'Дневен ред:',
      { list: 'agenda' },
      'Документи:',
      { list: 'documents' },
      { link: 'link', label: 'Отворете заседанието във Veche' },
    ],
  },
  sitting_changed: {
    subject: 'Промени: {{sittingName}}',
    body: [
      'Здравейте, {{recipientName}},',
      '{{councilName}}: променено е {{sittingName}} ({{startsAt}}):',
      { list: 'changes' },
      { link: 'link', label: 'Отворете заседанието във Veche' },
    ],
  },
  speech_request_verify: {
    subject: 'Потвърдете искането си за изказване – {{sittingName}}',
    body: [
      'Здравейте, {{recipientName}},',
      'Поискахте да се изкажете на {{sittingName}} на {{councilName}} ({{startsAt}}) по точката „{{itemTitle}}“.',
      'Искането ви се зачита, след като потвърдите, че този адрес е ваш:',
      { link: 'link', label: 'Потвърждавам искането си' },
      'Потвърдете го до края на {{lastDay}}. След това администрацията на съвета ще се произнесе и ще ви пише.',
      'Ако не сте искали да се изказвате, не обръщайте внимание на това съобщение.',
    ],
  },
  speech_request_approved: {
    subject: 'Можете да се изкажете на {{sittingName}}',
    body: [
      'Здравейте, {{recipientName}},',
      '{{councilName}} одобри искането ви да се изкажете на {{sittingName}} по точката „{{itemTitle}}“.',
      'Заседанието започва на {{startsAt}}. Място: {{place}}. Когато заседанието стигне до точката, председателят ще ви даде думата.',
      { link: 'link', label: 'Страницата на заседанието' },
    ],
  },
  speech_request_rejected: {
    subject: 'Искането ви за изказване на {{sittingName}}',
    body: [
      'Здравейте, {{recipientName}},',
      '{{councilName}} не одобри искането ви да се изкажете на {{sittingName}} по точката „{{itemTitle}}“.',
      'Причина: {{reason}}',
      { link: 'link', label: 'Страницата на заседанието' },
    ],
  },
};
