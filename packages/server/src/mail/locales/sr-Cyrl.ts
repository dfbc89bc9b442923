import type { MailCatalogue } from '../mail-texts.js';

export const srCyrl: MailCatalogue = {
  invitation: {
    subject: 'Позив у Veche – {{councilName}}',
    body: [
      'Добар дан, {{recipientName}},',
      '{{inviterName}} Вас позива у Veche, систем у коме {{councilName}} припрема и води своје седнице.',
      'Налог ће бити активан када поставите лозинку.',
      { link: 'link', label: 'Поставите лозинку' },
      'Веза важи до {{expiresAt}} и може се употребити само једном.',
      'Ако нисте очекивали ову поруку, слободно је занемарите.',
    ],
  },
  password_reset: {
    subject: 'Нова лозинка за Veche',
    body: [
      'Добар дан, {{recipientName}},',
      'Примили смо захтев за нову лозинку за Ваш налог у систему Veche.',
      { link: 'link', label: 'Поставите нову лозинку' },
      'Веза важи до {{expiresAt}} и може се употребити само једном.',
      'Ако нисте тражили нову лозинку, занемарите ову поруку – Ваша досадашња лозинка остаје непромењена.',
    ],
  },
  sitting_convened: {
    subject: 'Сазвано: {{sittingName}}',
    body: [
      'Поштовани/а {{recipientName}},',
      '{{councilName}}: сазвана је {{sittingName}} за {{startsAt}}, {{mode}}. Место: {{place}}.',
      'Дневни ред:',
      { list: 'agenda' },
      'Документи:',
      { list: 'documents' },
      { link: 'link', label: 'Отворите седницу у Veche' },
    ],
  },
  sitting_changed: {
    subject: 'Измене: {{sittingName}}',
    body: [
      'Поштовани/а {{recipientName}},',
      '{{councilName}}: измењена је {{sittingName}} ({{startsAt}}):',
      { list: 'changes' },
      { link: 'link', label: 'Отворите седницу у Veche' },
    ],
  },
};
