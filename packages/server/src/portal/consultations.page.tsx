import type { Language } from '@veche/domain';
import type { PublicConsultation } from '@veche/protocol';
import type { CouncilRow } from '../storage/repositories/councils.repository.js';
import { CouncilLinks, Fact, renderPage, type PageContext } from './portal-layout.js';
import { formatDateTime, type PortalKey } from './portal-texts.js';

/** A calendar month, `month` 1-12. */
export interface CalendarMonth {
  readonly year: number;
  readonly month: number;
}

/** The calendar day (`YYYY-MM-DD`) of an instant on the council's clock. */
export function dayOn(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

const pad = (value: number) => String(value).padStart(2, '0');
export const monthKey = ({ year, month }: CalendarMonth) => `${String(year)}-${pad(month)}`;
const shifted = ({ year, month }: CalendarMonth, by: number): CalendarMonth => {
  const index = year * 12 + (month - 1) + by;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
};

/** The days a consultation runs on the council's clock: its period is `[startsAt, endsAt)`. */
function runsOn(consultation: PublicConsultation, day: string, timeZone: string): boolean {
  const first = dayOn(new Date(consultation.startsAt), timeZone);
  const last = dayOn(new Date(Date.parse(consultation.endsAt) - 1), timeZone);
  return first <= day && day <= last;
}

/** Weeks of the month from Monday, days outside it null. */
function weeksOf({ year, month }: CalendarMonth): (number | null)[][] {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
  const cells: (number | null)[] = [...Array<null>(lead).fill(null)];
  for (let day = 1; day <= days; day += 1) cells.push(day);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (number | null)[][] = [];
  for (let at = 0; at < cells.length; at += 7) weeks.push(cells.slice(at, at + 7));
  return weeks;
}

/** Monday to Sunday in the reader's language, long and short. */
function weekdays(language: Language): { long: string; short: string }[] {
  // 2024-01-01 was a Monday.
  return [0, 1, 2, 3, 4, 5, 6].map((offset) => {
    const date = new Date(Date.UTC(2024, 0, 1 + offset));
    return {
      long: new Intl.DateTimeFormat(language, { weekday: 'long', timeZone: 'UTC' }).format(date),
      short: new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' }).format(date),
    };
  });
}

const monthName = ({ year, month }: CalendarMonth, language: Language) =>
  new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );

/** The period of a consultation in words, on the council's clock. */
export function periodText(
  context: PageContext,
  consultation: { startsAt: string; endsAt: string },
  timeZone: string,
): string {
  return context.t('consult.periodText', {
    start: formatDateTime(new Date(consultation.startsAt), context.language, timeZone),
    end: formatDateTime(new Date(consultation.endsAt), context.language, timeZone),
  });
}

export const statusKey = (status: PublicConsultation['status']): PortalKey =>
  `consult.status.${status}`;

function ConsultationList({
  context,
  council,
  list,
  empty,
}: {
  context: PageContext;
  council: CouncilRow;
  list: readonly PublicConsultation[];
  empty: string;
}) {
  const { t } = context;
  if (list.length === 0) return <p>{empty}</p>;
  return (
    <ul className="cards">
      {list.map((consultation) => (
        <li key={consultation.id}>
          <h3>
            <a href={`/portal/consultations/${consultation.id}`}>{consultation.subject}</a>
          </h3>
          <dl className="facts">
            <Fact term={t('consult.period')}>
              {periodText(context, consultation, council.timeZone)}
            </Fact>
            <Fact term={t('sitting.status')}>{t(statusKey(consultation.status))}</Fact>
          </dl>
        </li>
      ))}
    </ul>
  );
}

/**
 * `/portal/councils/:councilId/consultations`: the calendar of a council's consultations (issue
 * 7, section 2): lists of the ongoing, planned and finished ones, and a month as a table (days
 * in columns from Monday, each day's consultations in its cell) with links to the months around
 * it, and the iCalendar feed to subscribe to.
 */
export function consultationsPage(
  context: PageContext,
  page: {
    council: CouncilRow;
    consultations: readonly PublicConsultation[];
    month: CalendarMonth;
    today: string;
  },
): string {
  const { t, language } = context;
  const { council, month } = page;
  const title = t('consult.calendar.heading');
  const base = `/portal/councils/${council.id}/consultations`;
  const days = weekdays(language);
  const of = (status: PublicConsultation['status']) =>
    page.consultations.filter((consultation) => consultation.status === status);
  const name = monthName(month, language);
  return renderPage(
    context,
    `${title} – ${council.name}`,
    <>
      <CouncilLinks context={context} councilId={council.id} councilName={council.name} />
      <h1>{title}</h1>
      <p>
        <a href={`/api/public/councils/${council.id}/consultations.ics`}>
          {t('consult.calendar.feed')}
        </a>
      </p>
      <p>
        <a href={`/portal/councils/${council.id}/resident-data`}>{t('residentData.link')}</a>
      </p>
      <section aria-labelledby="ongoing">
        <h2 id="ongoing">{t('consult.calendar.ongoing')}</h2>
        <ConsultationList
          context={context}
          council={council}
          list={of('ongoing')}
          empty={t('consult.calendar.noneOngoing')}
        />
      </section>
      <section aria-labelledby="planned">
        <h2 id="planned">{t('consult.calendar.planned')}</h2>
        <ConsultationList
          context={context}
          council={council}
          list={of('planned')}
          empty={t('consult.calendar.nonePlanned')}
        />
      </section>
      <section aria-labelledby="finished">
        <h2 id="finished">{t('consult.calendar.finished')}</h2>
        <ConsultationList
          context={context}
          council={council}
          list={of('finished')}
          empty={t('consult.calendar.noneFinished')}
        />
      </section>
      <section aria-labelledby="month">
        <h2 id="month">{t('consult.calendar.month')}</h2>
        <nav aria-label={t('consult.calendar.months')} className="month-nav">
          <a href={`${base}?month=${monthKey(shifted(month, -1))}#month`}>
            {t('consult.calendar.previous', { month: monthName(shifted(month, -1), language) })}
          </a>
          <a href={`${base}?month=${monthKey(shifted(month, 1))}#month`}>
            {t('consult.calendar.next', { month: monthName(shifted(month, 1), language) })}
          </a>
        </nav>
        <table className="month">
          <caption>{t('consult.calendar.caption', { month: name })}</caption>
          <thead>
            <tr>
              {days.map((day) => (
                <th key={day.long} scope="col">
                  <abbr title={day.long}>{day.short}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeksOf(month).map((week, row) => (
              <tr key={row}>
                {week.map((day, column) => {
                  if (day === null) return <td key={column} />;
                  const key = `${monthKey(month)}-${pad(day)}`;
                  const running = page.consultations.filter((consultation) =>
                    runsOn(consultation, key, council.timeZone),
                  );
                  return (
                    <td
                      key={column}
                      className={key === page.today ? 'today' : undefined}
                      aria-current={key === page.today ? 'date' : undefined}
                    >
                      <span className="day">{day}</span>
                      {running.length > 0 && (
                        <ul className="plain">
                          {running.map((consultation) => (
                            <li key={consultation.id}>
                              <a href={`/portal/consultations/${consultation.id}`}>
                                {consultation.subject}
                              </a>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>,
  );
}
