import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('configuration from the environment', () => {
  it('has defaults for a quick start on the embedded database', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      demo: 'auto',
      sessionTtlMs: 12 * 3_600_000,
      loginRateLimit: { max: 10, windowMs: 60_000 },
    });
    expect(config.dataDir).toMatch(/\/data$/);
  });

  it('treats empty and blank variables as unset', () => {
    expect(loadConfig({ PORT: ' ', DATABASE_URL: '' })).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      trustProxy: false,
    });
  });

  it('trusts forwarded addresses only from the proxies it is told about', () => {
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1,10.0.0.0/8' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
    ]);
    expect(loadConfig({ PUBLIC_URL: 'https://rada.example.pl' }).trustProxy).toBe(false);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY/);
  });

  it('takes only an http(s) origin as the public address', () => {
    expect(() => loadConfig({ PUBLIC_URL: 'javascript:alert(1)' })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ PUBLIC_URL: 'https://example.pl/rada' })).toThrow(/without a path/);
  });

  it('reads PostgreSQL, a public URL and limits', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://veche@db:5432/veche',
      PUBLIC_URL: 'https://rada.example.pl/',
      LOGIN_RATE_LIMIT: '5',
      DEMO: 'off',
    });
    expect(config).toMatchObject({
      databaseUrl: 'postgres://veche@db:5432/veche',
      publicUrl: 'https://rada.example.pl',
      loginRateLimit: { max: 5, windowMs: 60_000 },
      demo: 'off',
    });
  });

  it('names every bad variable and why', () => {
    const attempt = () =>
      loadConfig({
        PORT: '70000',
        DATABASE_URL: 'mysql://x',
        DEMO: 'yes',
        SESSION_TTL_HOURS: '-1',
      });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/^PORT: /m);
      expect(problems).toMatch(/^DATABASE_URL: must be a postgres:\/\//m);
      expect(problems).toMatch(/^DEMO: /m);
      expect(problems).toMatch(/^SESSION_TTL_HOURS: /m);
    }
  });

  it('writes mail to the outbox unless SMTP is configured, and checks the mail settings', () => {
    const quiet = loadConfig({ DATA_DIR: '/srv/veche' });
    expect(quiet).toMatchObject({
      smtpUrl: undefined,
      outboxDir: '/srv/veche/outbox',
      mailFrom: 'Veche <no-reply@veche.invalid>',
      invitationTtlMs: 168 * 3_600_000,
    });
    const mailing = loadConfig({
      SMTP_URL: 'smtps://rada:secret@mail.example.pl:465',
      OUTBOX_DIR: '/tmp/outbox',
      MAIL_FROM: 'Rada Miejska <rada@example.pl>',
      INVITATION_TTL_HOURS: '48',
    });
    expect(mailing).toMatchObject({
      smtpUrl: 'smtps://rada:secret@mail.example.pl:465',
      outboxDir: '/tmp/outbox',
      mailFrom: 'Rada Miejska <rada@example.pl>',
      invitationTtlMs: 48 * 3_600_000,
    });
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.pl' })).toThrow(
      /SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
    expect(() => loadConfig({ MAIL_FROM: 'nobody' })).toThrow(/MAIL_FROM: must be an address/);
    expect(() => loadConfig({ INVITATION_TTL_HOURS: '0' })).toThrow(/INVITATION_TTL_HOURS/);
  });
});
