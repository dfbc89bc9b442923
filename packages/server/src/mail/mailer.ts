import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';

/** One message to one person. `html` is the same content as `text`, for mail programs that show it. */
export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
}

export interface Mailer {
  /** Resolves once the SMTP server accepted the message, or once it is on disk in the outbox. */
  send(message: MailMessage): Promise<void>;
  close(): Promise<void>;
}

export interface MailerOptions {
  /** smtp:// or smtps:// with optional credentials; undefined writes to `outboxDir` instead. */
  readonly smtpUrl: string | undefined;
  readonly outboxDir: string;
  readonly from: string;
  readonly clock: () => Date;
}

/**
 * Over SMTP when a server is configured; otherwise every message becomes an `.eml` file in the
 * outbox folder, so that a quick start without a mail server still shows what would have been
 * sent (any mail program opens the file).
 */
export function createMailer(options: MailerOptions): Mailer {
  return options.smtpUrl === undefined
    ? outboxMailer(options.outboxDir, options.from, options.clock)
    : smtpMailer(options.smtpUrl, options.from);
}

function smtpMailer(smtpUrl: string, from: string): Mailer {
  // A plain smtp:// URL upgrades with STARTTLS when the server offers it, and sends in clear
  // otherwise (a relay on the same machine); smtps:// is TLS from the first byte.
  const transport = createTransport(smtpUrl, { from });
  return {
    async send(message) {
      await transport.sendMail(message);
    },
    close() {
      transport.close();
      return Promise.resolve();
    },
  };
}

function outboxMailer(outboxDir: string, from: string, clock: () => Date): Mailer {
  const transport = createTransport({ streamTransport: true, buffer: true }, { from });
  return {
    async send(message) {
      const info = await transport.sendMail(message);
      await mkdir(outboxDir, { recursive: true });
      const name = outboxFileName(clock());
      // Written aside and renamed, so that whoever watches the folder never reads half a message.
      const temporary = join(outboxDir, `.${name}.part`);
      const file = await open(temporary, 'wx');
      try {
        await file.writeFile(info.message as Buffer);
      } finally {
        await file.close();
      }
      try {
        await rename(temporary, join(outboxDir, name));
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
    close() {
      transport.close();
      return Promise.resolve();
    },
  };
}

/**
 * `2026-11-24T14-40-00-123Z-1f2e3d4c.eml`: names sort by the time of sending, and the random tail
 * keeps two messages of the same millisecond apart.
 */
export function outboxFileName(at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  return `${stamp}-${randomBytes(4).toString('hex')}.eml`;
}
