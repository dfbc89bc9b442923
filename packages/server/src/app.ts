import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { accountsService } from './accounts/accounts.service.js';
import { councilAdministrationRoutes } from './administration/council-administration.routes.js';
import { memberImportRoutes } from './administration/member-import.routes.js';
import { platformRoutes } from './administration/platform.routes.js';
import { authRoutes } from './accounts/auth.routes.js';
import { secondFactorRoutes } from './accounts/second-factor.routes.js';
import { secondFactorService } from './accounts/second-factor.use-case.js';
import { tabletLinkRoutes } from './accounts/tablet-link.routes.js';
import { invitationRoutes } from './accounts/invitation.routes.js';
import type { Config } from './config.js';
import { HttpError } from './http/api-error.js';
import { optionalUser, requireUser } from './http/authentication.js';
import { docsRoutes } from './http/openapi.js';
import { documentRoutes } from './documents/documents.routes.js';
import { interpellationRoutes } from './interpellations/interpellations.routes.js';
import { consultationRoutes } from './consultations/consultations.routes.js';
import { startRetentionSweep } from './consultations/consultation-retention.js';
import { startReportSweep } from './consultations/consultation-report.js';
import { consultationReportRoutes } from './consultations/consultation-report.routes.js';
import { publicConsultationRoutes } from './consultations/public-consultations.routes.js';
import { folderBlobStore } from './storage/blob-store.js';
import { foreignOriginError } from './http/origin-guard.js';
import { namesFile, webCacheControl } from './http/web-files.js';
import { liveSittingRoutes } from './sittings/live-sitting.routes.js';
import { ContentionError, liveSittingService } from './sittings/live-sitting.service.js';
import type { EventBus } from './realtime/event-bus.js';
import { attachLiveGateway } from './realtime/live-gateway.js';
import { startDeadlineWatcher } from './sittings/deadline-watcher.js';
import { residentSpeakers } from './residents/resident-speakers.js';
import { speechRequestRoutes } from './residents/speech-requests.routes.js';
import { speechRequestUseCases } from './residents/speech-requests.use-case.js';
import { notificationRoutes } from './notices/notifications.routes.js';
import { allowOparlFromAnyOrigin, oparlRoutes } from './oparl/oparl.routes.js';
import { startNoticeSender } from './notices/sitting-notices.js';
import { portalRoutes, sendPortalNotFound } from './portal/portal.routes.js';
import { preparationRoutes } from './preparation/preparation.routes.js';
import { publicSittingRoutes } from './sittings/public-sitting.routes.js';
import { calendarRoutes } from './sittings/calendar.routes.js';
import { minutesRoutes } from './minutes/minutes.routes.js';
import { recordRoutes } from './record/record.routes.js';
import { resolutionsRoutes } from './resolutions/resolutions.routes.js';
import { openDataRoutes } from './open-data/open-data.routes.js';
import { openDataService } from './open-data/open-data.use-case.js';
import type { Mailer } from './mail/mailer.js';
import { sittingRoutes } from './sittings/sitting.routes.js';
import type { OpenDatabase } from './storage/database.js';
import { createRepositories } from './storage/repositories.js';
import { isDatabaseUnavailable, type StorageContext } from './storage/storage-context.js';

export interface AppDependencies {
  readonly config: Config;
  readonly database: OpenDatabase;
  readonly storage: StorageContext;
  readonly logger: FastifyBaseLogger;
  /** Where the built web client is; the API works without it. */
  readonly webDist: string | undefined;
  /** Set by the process when it begins to stop. */
  readonly lifecycle: { stopping: boolean };
  /** Carries sitting changes to the WebSocket gateway (of every process, with Redis). */
  readonly bus: EventBus;
  /** Sends e-mail (SMTP, or the outbox folder). */
  readonly mailer: Mailer;
}

/** How often due notices to members (convening, changes) are looked for and sent. */
const NOTICE_SWEEP_MS = 2_000;

/** Builds the HTTP application: plugins, the error shape, and every route. */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const { config, database, storage } = deps;
  const app = Fastify({
    loggerInstance: deps.logger,
    // Without it Fastify waits for keep-alive connections to go idle on close.
    forceCloseConnections: 'idle',
    bodyLimit: 1_048_576,
    trustProxy: fastifyTrustProxy(config.trustProxy),
  });
  app.decorateRequest('auth', null);

  // JSON only: a foreign page cannot post JSON without a CORS preflight (see origin-guard.ts).
  app.removeContentTypeParser('text/plain');

  await app.register(cookie);
  // Uploads only (documents); the limits per request are set where the parts are read.
  await app.register(multipart, { limits: { fields: 10, fieldSize: 1_000, parts: 12 } });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new HttpError(
        429,
        'rate_limited',
        `Too many attempts; try again in ${String(Math.ceil(context.ttl / 1000))} s`,
        { facts: { retryAfterSeconds: Math.ceil(context.ttl / 1000) } },
      ),
  });

  allowOparlFromAnyOrigin(app);
  // Every unsafe method is checked, whatever the path looks like ("/%61pi/" is "/api/" too).
  app.addHook('onRequest', (request, _reply, done) => {
    done(foreignOriginError(request, config.publicUrl));
  });

  // While stopping, every answer closes its connection: otherwise a browser's keep-alive
  // connection that carried a request in flight stays open and holds the stop until it times out.
  app.addHook('onSend', (_request, reply, payload, done) => {
    if (deps.lifecycle.stopping) void reply.header('connection', 'close');
    done(null, payload);
  });

  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if (error instanceof HttpError) {
      return reply.status(error.statusCode).send(error.toBody());
    }
    if (error instanceof ContentionError) {
      return reply.status(503).send({ error: { code: 'unavailable', message: error.message } });
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      const unavailable = isDatabaseUnavailable(error);
      return reply.status(unavailable ? 503 : 500).send(
        unavailable
          ? {
              error: {
                code: 'unavailable',
                message: 'The database is not reachable; try again shortly',
              },
            }
          : { error: { code: 'internal', message: 'Something went wrong on the server' } },
      );
    }
    // Fastify's own 4xx (malformed JSON, body too large, unsupported content type, ...).
    const aboutBody = status === 400 || status === 413 || status === 415;
    const code = aboutBody ? 'validation_failed' : status === 404 ? 'not_found' : 'bad_request';
    return reply
      .status(status)
      .send({ error: { code, message: error.message, ...(aboutBody ? { field: '(body)' } : {}) } });
  });

  const repos = createRepositories(storage);
  const accounts = accountsService(repos, storage.clock, config.sessionTtlMs, (sessionId) =>
    deps.bus.publish({ kind: 'session_ended', sessionId }),
  );

  app.get('/health', async (_request, reply) => {
    try {
      await database.ping();
      return { status: 'ok', database: database.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: database.kind });
    }
  });

  docsRoutes(app);
  const signedIn = requireUser(accounts, config);
  const secondFactor = secondFactorService(storage, repos, accounts);
  authRoutes(app, accounts, config, signedIn, secondFactor);
  secondFactorRoutes(app, secondFactor, config, signedIn);
  sittingRoutes(app, repos, signedIn, storage.clock);
  publicSittingRoutes(app, repos);
  const live = liveSittingService(storage, repos, deps.bus);
  recordRoutes(app, repos, live, storage.clock);
  resolutionsRoutes(app, repos);
  liveSittingRoutes(app, repos, signedIn, live);
  minutesRoutes(app, repos, live, config);
  tabletLinkRoutes(app, repos, accounts, live, config, signedIn, storage.clock);
  documentRoutes(
    app,
    repos,
    folderBlobStore(config.blobDir),
    signedIn,
    optionalUser(accounts),
    config,
    storage.clock,
  );
  preparationRoutes(app, storage, repos, signedIn, config);
  invitationRoutes(
    app,
    {
      storage,
      accounts,
      mailer: deps.mailer,
      invitationTtlMs: config.invitationTtlMs,
      onSessionEnded: (sessionId) => deps.bus.publish({ kind: 'session_ended', sessionId }),
      logger: app.log,
    },
    config,
    signedIn,
  );
  calendarRoutes(app, repos, config);
  openDataRoutes(app, openDataService(repos, live, storage.clock), config);
  oparlRoutes(app, repos, config);
  platformRoutes(app, repos, storage, signedIn);
  councilAdministrationRoutes(app, repos, storage, signedIn);
  await memberImportRoutes(app, storage, signedIn);
  interpellationRoutes(
    app,
    storage,
    repos,
    folderBlobStore(config.blobDir),
    signedIn,
    config.documentMaxBytes,
  );
  const consultationBlobs = folderBlobStore(config.blobDir);
  consultationRoutes(
    app,
    repos,
    consultationBlobs,
    signedIn,
    storage.clock,
    config.documentMaxBytes,
  );
  const residentDeps = {
    storage,
    repos,
    mailer: deps.mailer,
    blobs: consultationBlobs,
    logger: app.log,
    clock: storage.clock,
  };
  publicConsultationRoutes(app, residentDeps, config);
  const retention = startRetentionSweep(storage, repos, app.log);
  consultationReportRoutes(app, repos, storage.clock);
  const reports = startReportSweep(storage, repos, consultationBlobs, app.log);
  const residents = residentSpeakers(repos, live, app.log);
  const speech = speechRequestUseCases({
    repos,
    blobs: folderBlobStore(config.blobDir),
    mailer: deps.mailer,
    live,
    residents,
    clock: storage.clock,
    logger: app.log,
  });
  speechRequestRoutes(app, speech, folderBlobStore(config.blobDir), signedIn, config);
  portalRoutes(app, storage, repos, live, config, speech, residentDeps);
  const deadlines = startDeadlineWatcher(repos, live, storage.clock, app.log, residents);
  notificationRoutes(app, repos, signedIn);
  const notices = startNoticeSender(storage, deps.mailer, app.log, NOTICE_SWEEP_MS);
  const gateway = attachLiveGateway(app, {
    repos,
    live,
    accounts,
    bus: deps.bus,
    clock: storage.clock,
    logger: app.log,
    publicUrl: config.publicUrl,
  });
  // Expired sign-ins are deleted at start and then hourly, so the table does not only grow.
  const sweepSessions = () =>
    repos.loginSessions.deleteExpired().catch((error: unknown) => {
      app.log.warn({ err: error }, 'could not delete expired sessions');
      return 0;
    });
  // Second-factor challenges (five minutes each) are swept with them.
  const sweepChallenges = () =>
    repos.secondFactors.deleteExpiredChallenges().catch((error: unknown) => {
      app.log.warn({ err: error }, 'could not delete expired second-factor challenges');
      return 0;
    });
  void sweepChallenges();
  const challengeSweep = setInterval(() => void sweepChallenges(), 3_600_000);
  challengeSweep.unref();
  void sweepSessions();
  const sessionSweep = setInterval(() => void sweepSessions(), 3_600_000);
  sessionSweep.unref();
  // The sockets go first: the HTTP server's close waits for every connection, upgraded ones
  // included, so with live clients still connected it would wait until the stop deadline.
  app.addHook('preClose', async () => {
    await gateway.close();
  });
  app.addHook('onClose', async () => {
    clearInterval(sessionSweep);
    clearInterval(challengeSweep);
    await deadlines.stop();
    await notices.stop();
    await retention.stop();
    await reports.stop();
    await live.drain();
  });

  const webDist = deps.webDist;
  const hasWeb = webDist !== undefined && existsSync(join(webDist, 'index.html'));
  if (hasWeb) {
    // The files (sw.js, manifest.webmanifest, icons, bundles) each get a route of their own, so
    // the fallback below never answers for them; their types come from their extensions.
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      index: ['index.html'],
      setHeaders: (reply, path) => {
        void reply.header('cache-control', webCacheControl(relative(webDist, path)));
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      !request.url.startsWith('/oparl/') &&
      !namesFile(request.url);
    // The portal's pages are the server's own: an address under it that names none is its 404.
    if (isPage && /^\/portal(\/|\?|$)/.test(request.url)) return sendPortalNotFound(request, reply);
    if (isPage && hasWeb) {
      // Client-side routes: every page URL loads the app, which then shows the right view.
      return reply.sendFile('index.html');
    }
    if (isPage) {
      return reply
        .type('text/plain; charset=utf-8')
        .status(404)
        .send('The Veche web app is not built. Run `npm run build`, or use `npm start`.');
    }
    return reply
      .status(404)
      .send({ error: { code: 'not_found', message: `No ${request.method} ${request.url} here` } });
  });

  return app;
}

/** A number of hops means "the nearest n proxies", which Fastify takes as a function of the hop. */
function fastifyTrustProxy(
  trust: Config['trustProxy'],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}
