import { LANGUAGES, type Language } from '@veche/domain';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { sittingName } from '../sittings/sitting-name.js';
import type { SittingListing } from '../storage/repositories/sittings.repository.js';
import { formatDateTime, LANGUAGE_NAMES, type PortalKey, type Translate } from './portal-texts.js';

/*
 * Pages are React components rendered once to a string with `renderToStaticMarkup`: React
 * escapes every text and attribute it writes, so a hostile title (`<script>`) is shown as text
 * and never runs, and the components are the same kind the web app is written in. The page
 * carries no script at all: it works in any browser without JavaScript.
 */

/** What every page knows about the request it answers. */
export interface PageContext {
  readonly language: Language;
  readonly t: Translate;
  /** The address asked for, without the `lang` parameter: the language links add their own. */
  readonly path: string;
  readonly query: URLSearchParams;
}

/** The same page in another language: the address with `lang` set. */
export function inLanguage(context: PageContext, language: Language): string {
  const query = new URLSearchParams(context.query);
  query.set('lang', language);
  return `${context.path}?${query.toString()}`;
}

interface LayoutProps {
  readonly context: PageContext;
  readonly title: string;
  readonly children: ReactNode;
}

function Layout({ context, title, children }: LayoutProps) {
  const { t, language } = context;
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – Veche`}</title>
        <link rel="stylesheet" href="/portal/portal.css" />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t('skip')}
        </a>
        <header className="site-header">
          <p className="site-name">
            <a href="/portal">{t('site.name')}</a>
          </p>
          <nav aria-label={t('nav.language')} className="languages">
            <ul>
              {LANGUAGES.map((other) => (
                <li key={other}>
                  <a
                    href={inLanguage(context, other)}
                    lang={other}
                    hrefLang={other}
                    aria-current={other === language ? 'true' : undefined}
                  >
                    {LANGUAGE_NAMES[other]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>{t('footer.text')}</p>
        </footer>
      </body>
    </html>
  );
}

/** The whole HTML document of a page. */
export function renderPage(context: PageContext, title: string, body: ReactNode): string {
  const markup = renderToStaticMarkup(
    <Layout context={context} title={title}>
      {body}
    </Layout>,
  );
  return `<!doctype html>\n${markup}`;
}

/** A term and its value in a description list. */
export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** One sitting in a list: its name as a link, when and where, and its status. */
export function SittingSummary({
  context,
  sitting,
  showCouncil = false,
}: {
  context: PageContext;
  sitting: SittingListing;
  showCouncil?: boolean;
}) {
  const { t, language } = context;
  return (
    <li className="card">
      <h3>
        <a href={`/portal/sittings/${sitting.id}`}>{sittingName(language, sitting)}</a>
      </h3>
      <dl className="facts">
        {showCouncil && (
          <Fact term={t('sitting.council')}>
            <a href={`/portal/councils/${sitting.councilId}`}>{sitting.councilName}</a>
          </Fact>
        )}
        <Fact term={t('sitting.when')}>
          {formatDateTime(sitting.startsAt, language, sitting.timeZone)}
        </Fact>
        <Fact term={t('sitting.place')}>{sitting.place ?? t('sitting.noPlace')}</Fact>
        <Fact term={t('sitting.status')}>{t(`status.${sitting.status}` as PortalKey)}</Fact>
      </dl>
    </li>
  );
}

/** Breadcrumb-like way back: the portal's home and the council. */
export function CouncilLinks({
  context,
  councilId,
  councilName,
}: {
  context: PageContext;
  councilId: string;
  councilName: string;
}) {
  return (
    <p className="way-back">
      <a href="/portal">{context.t('nav.home')}</a>
      {' › '}
      <a href={`/portal/councils/${councilId}`}>{councilName}</a>
    </p>
  );
}
