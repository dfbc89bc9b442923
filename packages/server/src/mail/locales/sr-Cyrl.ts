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
  speech_request_verify: {
    subject: 'Потврдите пријаву за реч – {{sittingName}}',
    body: [
      'Поштовани/а {{recipientName}},',
      'пријавили сте се за реч на седници {{sittingName}} ({{councilName}}, {{startsAt}}) по тачки „{{itemTitle}}“.',
      'Пријава се рачуна када потврдите да је ова адреса ваша:',
      { link: 'link', label: 'Потврђујем пријаву' },
      'Потврдите је најкасније до краја дана {{lastDay}}, а служба скупштине ће затим одлучити и писати вам.',
      'Ако се нисте пријавили за реч, занемарите ову поруку.',
    ],
  },
  speech_request_approved: {
    subject: 'Можете добити реч на седници {{sittingName}}',
    body: [
      'Поштовани/а {{recipientName}},',
      '{{councilName}} је одобрила вашу пријаву за реч на седници {{sittingName}} по тачки „{{itemTitle}}“.',
      'Седница почиње {{startsAt}}. Место: {{place}}. Када седница дође до те тачке, председавајући ће вам дати реч.',
      { link: 'link', label: 'Страница седнице' },
    ],
  },
  speech_request_rejected: {
    subject: 'Ваша пријава за реч на седници {{sittingName}}',
    body: [
      'Поштовани/а {{recipientName}},',
      '{{councilName}} није одобрила вашу пријаву за реч на седници {{sittingName}} по тачки „{{itemTitle}}“.',
      'Разлог: {{reason}}',
      { link: 'link', label: 'Страница седнице' },
    ],
  },
  consultation_response: {
    subject: 'Потврдите своје одговоре: {{consultationSubject}}',
    body: [
      'Поштовани/а {{recipientName}},',
      'хвала што сте учествовали у јавној расправи „{{consultationSubject}}” ({{councilName}}).',
      'Ваши одговори ће бити урачунати када потврдите ову адресу електронске поште:',
      { link: 'link', label: 'Потврди и прикажи моје одговоре' },
      'Истом везом можете мењати одговоре до {{endsAt}}. Не делите је ни са ким.',
      'Ако нисте учествовали у овој расправи, занемарите ову поруку; ништа неће бити урачунато.',
    ],
  },
  consultation_response_exists: {
    subject: 'Већ сте одговорили: {{consultationSubject}}',
    body: [
      'Поштовани/а {{recipientName}},',
      'неко је поново покушао да одговори у јавној расправи „{{consultationSubject}}” ({{councilName}}) са ове адресе. Са једне адресе може се одговорити само једном, па ништа ново није сачувано.',
      'Да бисте видели или изменили своје одговоре, употребите ову нову везу (претходна више не важи):',
      { link: 'link', label: 'Прикажи и измени моје одговоре' },
      'Измене су могуће до {{endsAt}}.',
    ],
  },
  consultation_opinion: {
    subject: 'Потврдите своје мишљење: {{consultationSubject}}',
    body: [
      'Поштовани/а {{recipientName}},',
      'хвала на мишљењу у јавној расправи „{{consultationSubject}}” ({{councilName}}).',
      'Оно ће стићи до службе скупштине када потврдите ову адресу електронске поште:',
      { link: 'link', label: 'Потврди моје мишљење' },
      'Ако нисте слали мишљење, занемарите ову поруку.',
    ],
  },
  resident_data: {
    subject: 'Ваши подаци у јавним расправама: {{councilName}}',
    body: [
      'Поштовани/а,',
      'питали сте које податке о овој адреси електронске поште {{councilName}} чува у јавним расправама.',
      { link: 'link', label: 'Прикажи моје одговоре и мишљења' },
      'Тамо их можете и обрисати. Веза важи до {{expiresAt}}.',
      'Ако нисте послали такав захтев, занемарите ову поруку.',
    ],
  },
};
