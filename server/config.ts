import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('data'),
  DATABASE_URL: z.string().optional(),
  /**
   * The address respondents open, put in front of every link, e.g. https://bagalau.example.kz. Without it links
   * are issued only for this computer (server/http/linkOrigin.ts).
   */
  PUBLIC_URL: z.string().refine(isOrigin, { error: 'an http:// or https:// address with no path, query or fragment, e.g. https://bagalau.example.kz' }).optional(),
  /** The organisation's time zone: deadlines end at midnight there. */
  TIME_ZONE: z.string().default('Asia/Almaty'),
  /** Where invitations and reminders are sent from, e.g. smtps://user:pass@mail.example.kz:465; without it, no e-mail. */
  SMTP_URL: z.string().regex(/^smtps?:\/\/[^\s]+$/, { error: 'an smtp:// or smtps:// URL' }).optional(),
  /** The From of those messages, e.g. "Bagalau 360 <hr@example.kz>". */
  MAIL_FROM: z.string().min(3).optional(),
  /** The Chromium that prints reports as PDF. */
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  /** 1 when a reverse proxy stands in front: X-Forwarded-For/-Proto/-Host are then believed. */
  TRUST_PROXY: z.enum(['0', '1']).default('0'),
  /** The key that seals second-factor secrets in the database; made on first use. */
  TOTP_KEY_FILE: z.string().min(1).optional(),
  /** The folder of open campaigns' answer keys (server/security/answerKeys.ts). */
  ANSWER_KEY_DIR: z.string().min(1).optional(),
});

/** Whether `value` names an origin alone (a trailing slash allowed): anything after it would break the links built on it. */
function isOrigin(value: string): boolean {
  if (!URL.canParse(value) || /[?#]/.test(value)) return false;
  const url = new URL(value);
  return ['http:', 'https:'].includes(url.protocol) && url.pathname === '/' && !url.username && !url.password;
}

export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string;
  /** PUBLIC_URL as an origin (lower case, no default port, no slash). */
  publicUrl: string | null;
  timeZone: string;
  /** Null when e-mail sending is not configured. */
  mail: { smtpUrl: string; from: string } | null;
  chromiumPath: string;
  /** Whether X-Forwarded-* headers come from our own reverse proxy. */
  trustProxy: boolean;
  /** Where the key sealing second-factor secrets is kept: outside the database, so a copy of it alone opens none. */
  totpKeyFile: string;
  /**
   * Where each open campaign's answer key is kept: outside the database, so that no copy of it can tie an answer to
   * its respondent. Backed up apart from the database; shared by every server of one database.
   */
  answerKeyDir: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  try {
    new Intl.DateTimeFormat('en', { timeZone: e.TIME_ZONE });
  } catch {
    throw new Error(`Invalid configuration:\n  TIME_ZONE: unknown time zone "${e.TIME_ZONE}"`);
  }
  if (e.SMTP_URL && !e.MAIL_FROM) throw new Error('Invalid configuration:\n  MAIL_FROM: required when SMTP_URL is set');
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'bagalau360.sqlite')}`,
    publicUrl: e.PUBLIC_URL ? new URL(e.PUBLIC_URL).origin : null,
    timeZone: e.TIME_ZONE,
    mail: e.SMTP_URL && e.MAIL_FROM ? { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM } : null,
    chromiumPath: e.CHROMIUM_PATH,
    trustProxy: e.TRUST_PROXY === '1',
    totpKeyFile: path.resolve(e.TOTP_KEY_FILE ?? path.join(dataDir, 'totp.key')),
    answerKeyDir: path.resolve(e.ANSWER_KEY_DIR ?? path.join(dataDir, 'answer-keys')),
  };
}
