import { LANGUAGES, type Language } from '@veche/domain';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { HttpError, parseInput } from '../http/api-error.js';
import type { LiveSittingService } from '../sittings/live-sitting.service.js';
import type { Repositories } from '../storage/repositories.js';
import type { StorageContext } from '../storage/storage-context.js';
import type { ResidentDeps } from '../consultations/resident-participation.use-case.js';
import { consultationRoutes } from './consultation.routes.js';
import { councilPage } from './council.page.js';
import { errorPage } from './error.page.js';
import { interpellationsPage } from './interpellations.page.js';
import { landingPage } from './landing.page.js';
import { PERSON_CHOICES, personPage } from './person.page.js';
import type { PageContext } from './portal-layout.js';
import { PORTAL_CSS } from './portal-stylesheet.js';
import { PORTAL_SCRIPT } from './portal-script.js';
import { isLanguage, languageFromHeader, translator } from './portal-texts.js';
import { portalUseCases } from './portal.use-case.js';
import { registerPage } from './register.page.js';
import { recordPage, verifyPage } from './record.page.js';
import type { Config } from '../config.js';
import { readUpload } from '../http/multipart-upload.js';
import { publicOrigin } from '../http/public-origin.js';
import { sittingRecord } from '../record/sitting-record.js';
import { verifyRecord, verifyRecordText } from '../record/verify-record.js';
import { searchPage } from './search.page.js';
import { sittingPage } from './sitting.page.js';
import { speakRoutes } from './speak.routes.js';
import {
  speechRequestWindow,
  type SpeechRequestUseCases,
} from '../residents/speech-requests.use-case.js';
import { votePage } from './vote.page.js';

/** The cookie that keeps the language a reader chose with the switcher. */
export const PORTAL_LANGUAGE_COOKIE = 'veche_lang';
const YEAR_SECONDS = 365 * 24 * 3600;

/** No script, no frame, nothing from elsewhere: the pages need none of it. */
const PAGE_POLICY =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; " +
  // A sitting's recording plays from wherever the council publishes it; its chapters are ours.
  "media-src 'self' https: http:; script-src 'self'; connect-src 'self'; " +
  "base-uri 'none'; frame-ancestors 'self'";

/** A form's empty field ("any") is no filter. */
const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    schema.optional(),
  );

const languageQuery = { lang: optional(z.enum(LANGUAGES)) };
const councilParams = z.object({ councilId: z.uuid() });
const sittingParams = z.object({ sittingId: z.uuid() });
const voteParams = z.object({
  sittingId: z.uuid(),
  voteId: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/),
});
const personParams = z.object({ personId: z.uuid() });
const plainQuery = z.object(languageQuery);
const searchQuery = z.object({ ...languageQuery, q: optional(z.string().max(200)) });
const registerQuery = z.object({
  ...languageQuery,
  term: optional(z.uuid()),
  body: optional(z.uuid()),
  year: optional(z.coerce.number().int().min(1900).max(2999)),
  outcome: optional(z.enum(['adopted', 'rejected'])),
  q: optional(z.string().trim().max(200)),
});
const personQuery = z.object({
  ...languageQuery,
  body: optional(z.uuid()),
  year: optional(z.coerce.number().int().min(1900).max(2999)),
  choice: optional(z.enum(PERSON_CHOICES)),
});

/**
 * A sitting's record is a few megabytes at the most (thousands of events, named lists of a large
 * council); anonymous uploads are checked in memory, so the limit stays near that.
 */
const RECORD_MAX_BYTES = 20 * 1024 * 1024;

/** A page that does not exist or is not public: the portal's 404 page. */
class PageNotFound extends Error {}

/** The language the reader asked for: `?lang=`, then the cookie, then the browser's. */
function requestedLanguage(request: FastifyRequest): Language | null {
  const query = request.query as Record<string, unknown>;
  if (typeof query.lang === 'string' && isLanguage(query.lang)) return query.lang;
  const cookie = request.cookies[PORTAL_LANGUAGE_COOKIE];
  if (cookie !== undefined && isLanguage(cookie)) return cookie;
  return languageFromHeader(request.headers['accept-language']);
}

function pageContext(request: FastifyRequest, fallback: Language): PageContext {
  const language = requestedLanguage(request) ?? fallback;
  const url = new URL(request.url, 'http://portal.invalid');
  const query = new URLSearchParams(url.searchParams);
  query.delete('lang');
  return { language, t: translator(language), path: url.pathname, query };
}

function sendPage(request: FastifyRequest, reply: FastifyReply, html: string, status = 200) {
  const query = request.query as Record<string, unknown>;
  if (typeof query.lang === 'string' && isLanguage(query.lang)) {
    // The switcher's choice stays for the reader's next pages.
    void reply.setCookie(PORTAL_LANGUAGE_COOKIE, query.lang, {
      path: '/portal',
      maxAge: YEAR_SECONDS,
      sameSite: 'lax',
      httpOnly: true,
    });
  }
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-cache')
    .header('content-security-policy', PAGE_POLICY)
    .header('x-content-type-options', 'nosniff')
    .send(html);
}

/** The 404 page for an address under /portal that names no page. */
export function sendPortalNotFound(request: FastifyRequest, reply: FastifyReply) {
  return sendPage(request, reply, errorPage(pageContext(request, 'en'), 404), 404);
}

/**
 * The public portal (issue 6, section 3): server-rendered pages under /portal that need neither
 * a sign-in nor JavaScript. Routes only parse the address, ask one use case and render; a bad
 * parameter answers the 400 page naming it, an unknown id or a draft the 404 page.
 */
export function portalRoutes(
  app: FastifyInstance,
  storage: StorageContext,
  repos: Repositories,
  live: LiveSittingService,
  config: Config,
  speech: SpeechRequestUseCases,
  residents: ResidentDeps,
): void {
  const portal = portalUseCases(storage, repos, live);
  const found = <T>(value: T | null): T => {
    if (value === null) throw new PageNotFound();
    return value;
  };

  // A scope of its own, so that its error handler (pages, not JSON) covers only these routes.
  void app.register((scope, _options, done) => {
    scope.setErrorHandler((error, request, reply) => {
      if (error instanceof PageNotFound) return sendPortalNotFound(request, reply);
      // A use case's "not found" (a link to a sitting no longer public) is the page too.
      if (error instanceof HttpError && error.statusCode === 404) {
        return sendPortalNotFound(request, reply);
      }
      if (error instanceof HttpError && error.statusCode === 400) {
        const parameter = error.details.field ?? '?';
        return sendPage(request, reply, errorPage(pageContext(request, 'en'), 400, parameter), 400);
      }
      throw error;
    });

    scope.get('/portal/portal.css', async (_request, reply) =>
      reply
        .type('text/css; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .send(PORTAL_CSS),
    );

    scope.get('/portal/portal.js', async (_request, reply) =>
      reply
        .type('text/javascript; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .send(PORTAL_SCRIPT),
    );

    scope.get('/portal', async (request, reply) => {
      parseInput(plainQuery, request.query);
      const page = await portal.landing();
      const defaults = new Set(page.councils.map((council) => council.defaultLanguage));
      const [only] = defaults;
      const fallback = defaults.size === 1 && only !== undefined && isLanguage(only) ? only : 'en';
      return sendPage(request, reply, landingPage(pageContext(request, fallback), page));
    });

    scope.get('/portal/councils/:councilId', async (request, reply) => {
      const { councilId } = parseInput(councilParams, request.params);
      parseInput(plainQuery, request.query);
      const page = found(await portal.council(councilId));
      const context = pageContext(request, councilLanguage(page.council.defaultLanguage));
      return sendPage(request, reply, councilPage(context, page));
    });

    scope.get('/portal/councils/:councilId/interpellations', async (request, reply) => {
      const { councilId } = parseInput(councilParams, request.params);
      parseInput(plainQuery, request.query);
      const page = found(await portal.interpellations(councilId));
      const context = pageContext(request, councilLanguage(page.council.defaultLanguage));
      return sendPage(
        request,
        reply,
        interpellationsPage(context, page.council, page.interpellations),
      );
    });

    scope.get('/portal/councils/:councilId/resolutions', async (request, reply) => {
      const { councilId } = parseInput(councilParams, request.params);
      const { lang: _lang, ...filters } = parseInput(registerQuery, request.query);
      const page = found(await portal.register(councilId, filters));
      const context = pageContext(request, councilLanguage(page.council.defaultLanguage));
      return sendPage(request, reply, registerPage(context, page, filters));
    });

    scope.get('/portal/councils/:councilId/search', async (request, reply) => {
      const { councilId } = parseInput(councilParams, request.params);
      const { q } = parseInput(searchQuery, request.query);
      const query = q?.trim() ?? '';
      const page = found(await portal.search(councilId, query));
      const context = pageContext(request, councilLanguage(page.council.defaultLanguage));
      return sendPage(request, reply, searchPage(context, page, query));
    });

    scope.get('/portal/sittings/:sittingId', async (request, reply) => {
      const { sittingId } = parseInput(sittingParams, request.params);
      parseInput(plainQuery, request.query);
      const page = found(await portal.sitting(sittingId));
      const context = pageContext(request, councilLanguage(page.council.defaultLanguage));
      const speak = speechRequestWindow(page.sitting, page.council, storage.clock());
      return sendPage(request, reply, sittingPage(context, page, speak));
    });

    scope.get('/portal/sittings/:sittingId/votes/:voteId', async (request, reply) => {
      const { sittingId, voteId } = parseInput(voteParams, request.params);
      parseInput(plainQuery, request.query);
      const page = found(await portal.vote(sittingId, voteId));
      const context = pageContext(request, councilLanguage(page.council.defaultLanguage));
      return sendPage(request, reply, votePage(context, page));
    });

    scope.get('/portal/sittings/:sittingId/record', async (request, reply) => {
      const { sittingId } = parseInput(sittingParams, request.params);
      parseInput(plainQuery, request.query);
      const page = found(await portal.sitting(sittingId));
      const record = found(await sittingRecord(repos, live, sittingId, storage.clock()));
      const context = pageContext(request, councilLanguage(page.council.defaultLanguage));
      return sendPage(
        request,
        reply,
        recordPage(context, {
          council: page.council,
          sitting: page.sitting,
          verdict: verifyRecord(record),
          recordUrl: `${publicOrigin(request, config)}/api/public/sittings/${sittingId}/record.json`,
          empty: record.events.length === 0,
        }),
      );
    });

    scope.get('/portal/verify', async (request, reply) => {
      parseInput(plainQuery, request.query);
      return sendPage(request, reply, verifyPage(pageContext(request, 'en'), null));
    });

    // A saved copy of a record, checked here without fetching anything: the server reads only
    // the file it is sent.
    scope.post('/portal/verify', async (request, reply) => {
      parseInput(plainQuery, request.query);
      const context = pageContext(request, 'en');
      let upload: Awaited<ReturnType<typeof readUpload>>;
      try {
        upload = await readUpload(request, RECORD_MAX_BYTES);
      } catch (error) {
        if (error instanceof HttpError && error.statusCode === 413) {
          return sendPage(request, reply, verifyPage(context, { problem: 'verify.tooLarge' }), 413);
        }
        throw error;
      }
      if (upload.file === undefined || upload.file.content.length === 0) {
        return sendPage(request, reply, verifyPage(context, { problem: 'verify.noFile' }), 400);
      }
      const verdict = verifyRecordText(upload.file.content.toString('utf8'));
      return sendPage(
        request,
        reply,
        verifyPage(context, { verdict, fileName: upload.file.fileName }),
      );
    });

    scope.get('/portal/persons/:personId', async (request, reply) => {
      const { personId } = parseInput(personParams, request.params);
      const filters = parseInput(personQuery, request.query);
      const page = found(await portal.person(personId));
      const context = pageContext(request, councilLanguage(page.council.defaultLanguage));
      return sendPage(request, reply, personPage(context, page, filters));
    });

    const kit = {
      pageContext,
      sendPage,
      councilLanguage,
      notFound: () => new PageNotFound(),
    };
    speakRoutes(scope, kit, portal, speech, config, storage.clock);
    consultationRoutes(scope, kit, residents, config);
    done();
  });
}

function councilLanguage(value: string): Language {
  return isLanguage(value) ? value : 'en';
}
