import nodemailer from 'nodemailer';
import type { AppConfig } from '../config.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Hands one message to the mail server; rejects with the server's reason when it refuses. */
export type SendMail = (mail: OutgoingMail) => Promise<void>;

/** An SMTP sender for SMTP_URL, or null when e-mail is not configured. */
export function smtpMailer(mail: AppConfig['mail']): SendMail | null {
  if (!mail) return null;
  // One pooled connection carries a whole batch (about 15 ms a message rather than 120 on a local server)
  // and is let go soon after. Short timeouts: a dead server fails an attempt in seconds, and the retry takes over.
  const transport = nodemailer.createTransport({
    url: mail.smtpUrl,
    pool: true,
    maxConnections: 1,
    idleTimeout: 10_000,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return async (message) => {
    await transport.sendMail({ from: mail.from, ...message });
  };
}

/** A 5xx reply is the server's final word (an unknown mailbox, a refused sender): retrying cannot help. */
export function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/** The server's reply, or the network error, in one line. */
export function reasonOf(error: unknown): string {
  const e = error as { response?: unknown; message?: unknown };
  const text = typeof e.response === 'string' && e.response ? e.response : String(e.message ?? error);
  return text.replace(/\s+/g, ' ').trim().slice(0, 500);
}
