import { join, resolve } from 'node:path';
import { z } from 'zod';

/** An unset, empty or blank variable takes the default. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    schema.optional(),
  );

const port = z.coerce.number().int().min(0).max(65_535);

/**
 * Every setting comes from an environment variable; README.md lists them. Nothing else is read
 * from the environment anywhere in the server.
 */
const environmentSchema = z.object({
  PORT: optional(port).default(3000),
  HOST: optional(z.string()).default('127.0.0.1'),
  DATA_DIR: optional(z.string()).default('./data'),
  DATABASE_URL: optional(
    z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL'),
  ),
  PUBLIC_URL: optional(
    z
      .url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' })
      .refine((url) => new URL(url).pathname === '/' && new URL(url).search === '', {
        message: 'must be an origin such as https://rada.example.pl, without a path',
      }),
  ),
  TRUST_PROXY: optional(
    z
      .string()
      .regex(
        /^(true|false|\d{1,2}|[0-9a-fA-F.:/]+(,[0-9a-fA-F.:/]+)*)$/,
        'must be true, false, a number of proxy hops, or a comma-separated list of proxy addresses',
      ),
  ),
  DEMO: optional(z.enum(['auto', 'on', 'off'])).default('auto'),
  LOG_LEVEL: optional(
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  ).default('info'),
  SESSION_TTL_HOURS: optional(z.coerce.number().positive().max(720)).default(12),
  LOGIN_RATE_LIMIT: optional(z.coerce.number().int().positive().max(10_000)).default(10),
  PUBLIC_FORM_RATE_LIMIT: optional(z.coerce.number().int().positive().max(10_000)).default(10),
  LOGIN_RATE_WINDOW_SECONDS: optional(z.coerce.number().int().positive().max(86_400)).default(60),
  SHUTDOWN_TIMEOUT_SECONDS: optional(z.coerce.number().positive().max(600)).default(10),
  WEB_DIST: optional(z.string()),
  BLOB_DIR: optional(z.string()),
  DOCUMENT_MAX_MB: optional(z.coerce.number().positive().max(1024)).default(25),
  REDIS_URL: optional(z.string().regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')),
  REDIS_CHANNEL: optional(z.string().regex(/^[\w:.-]{1,100}$/)).default('veche:sittings'),
  SMTP_URL: optional(
    z
      .string()
      .regex(
        /^smtps?:\/\/[^/?#\s]+/,
        'must be an smtp:// or smtps:// URL, such as smtp://user:password@mail.example.pl:587',
      ),
  ),
  OUTBOX_DIR: optional(z.string()),
  MAIL_FROM: optional(
    z
      .string()
      .regex(
        /^([^<>\r\n]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/,
        'must be an address, or a name and an address, such as Rada <rada@example.pl>',
      ),
  ).default('Veche <no-reply@veche.invalid>'),
  INVITATION_TTL_HOURS: optional(z.coerce.number().positive().max(8_760)).default(168),
  CHANGE_NOTICE_DELAY_SECONDS: optional(z.coerce.number().int().min(0).max(86_400)).default(120),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** Set: PostgreSQL. Unset: the embedded database in `dataDir`. */
  readonly databaseUrl: string | undefined;
  /** The origin users reach, e.g. https://rada.example.pl; null-free, no path. */
  readonly publicUrl: string | undefined;
  /**
   * Which proxies may tell the client's address (X-Forwarded-For): none by default, since
   * trusting every hop would let a client pick the address that login limits count by.
   */
  readonly trustProxy: boolean | number | string[];
  readonly demo: 'auto' | 'on' | 'off';
  readonly logLevel: string;
  readonly sessionTtlMs: number;
  readonly loginRateLimit: { max: number; windowMs: number };
  /** Residents' forms (requests to speak) one client address may send in an hour. */
  readonly publicFormRateLimit: number;
  readonly shutdownTimeoutMs: number;
  readonly webDist: string | undefined;
  /** The folder of uploaded files, by content hash; `<dataDir>/blobs` unless set. */
  readonly blobDir: string;
  /** The largest document accepted, in bytes. */
  readonly documentMaxBytes: number;
  /** Set: several server processes share sitting changes over Redis pub/sub. */
  readonly redisUrl: string | undefined;
  readonly redisChannel: string;
  /** Set: e-mail goes out over SMTP. Unset: each message is written to `outboxDir`. */
  readonly smtpUrl: string | undefined;
  /** Where messages are written without SMTP; `<dataDir>/outbox` unless set. */
  readonly outboxDir: string;
  /** The sender of every message. */
  readonly mailFrom: string;
  /** How long an invitation's set-password link works. */
  readonly invitationTtlMs: number;
  /** How long changes to a convened sitting gather before members are told of them. */
  readonly changeNoticeDelayMs: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration error:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the configuration; throws ConfigError naming every bad variable and why. */
export function loadConfig(environment: NodeJS.ProcessEnv): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const env = parsed.data;
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir: resolve(env.DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    publicUrl: env.PUBLIC_URL === undefined ? undefined : new URL(env.PUBLIC_URL).origin,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    demo: env.DEMO,
    logLevel: env.LOG_LEVEL,
    sessionTtlMs: env.SESSION_TTL_HOURS * 3_600_000,
    loginRateLimit: { max: env.LOGIN_RATE_LIMIT, windowMs: env.LOGIN_RATE_WINDOW_SECONDS * 1_000 },
    publicFormRateLimit: env.PUBLIC_FORM_RATE_LIMIT,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_SECONDS * 1_000,
    webDist: env.WEB_DIST === undefined ? undefined : resolve(env.WEB_DIST),
    blobDir: resolve(env.BLOB_DIR ?? join(env.DATA_DIR, 'blobs')),
    documentMaxBytes: Math.round(env.DOCUMENT_MAX_MB * 1_048_576),
    redisUrl: env.REDIS_URL,
    redisChannel: env.REDIS_CHANNEL,
    smtpUrl: env.SMTP_URL,
    outboxDir: resolve(env.OUTBOX_DIR ?? join(env.DATA_DIR, 'outbox')),
    mailFrom: env.MAIL_FROM,
    invitationTtlMs: Math.round(env.INVITATION_TTL_HOURS * 3_600_000),
    changeNoticeDelayMs: env.CHANGE_NOTICE_DELAY_SECONDS * 1000,
  };
}

function parseTrustProxy(value: string | undefined): boolean | number | string[] {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',');
}
