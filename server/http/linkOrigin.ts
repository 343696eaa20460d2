import type { Context } from 'hono';
import type { AppConfig } from '../config.ts';
import { ApiError } from './apiError.ts';

/** Host names that lead to this computer alone, as they appear in a URL. */
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether a host name, or a listening address (HOST), is this computer's own. */
function isLoopback(host: string): boolean {
  const name = host.toLowerCase();
  return LOOPBACK_NAMES.has(name) || LOOPBACK_NAMES.has(`[${name}]`);
}

/** Where links point without PUBLIC_URL: this computer, on the port the server listens on. */
const localLinkOrigin = (port: number): string => `http://localhost:${port}`;

/**
 * The origin put in front of the respondent links a request issues (the list, sheets, e-mail, reminders, the
 * reminder schedule). It comes from the configuration only, never from the request: its Host and
 * X-Forwarded-Host are whatever the sender typed, and a link on a site of the sender's choosing would hand that
 * site the respondent's token and answers. With PUBLIC_URL that origin is PUBLIC_URL. Without it, it is
 * http://localhost:PORT, which works only on the server's own computer, so links are issued only to a request
 * addressed there (and not relayed by a proxy from another address): anyone else is told to set PUBLIC_URL
 * rather than handed links that would lead respondents to their own computers. That test reads the Host, which
 * a sender may forge; it decides only whether to refuse, never what a link says. The refusal is a 409: what is
 * missing is the server's configuration, not the sender's right or a well-formed request.
 */
export function linkOrigin(config: Pick<AppConfig, 'publicUrl' | 'port'>, c: Context): string {
  if (config.publicUrl) return config.publicUrl;
  const origin = localLinkOrigin(config.port);
  const forwarded = (c.req.header('x-forwarded-host') ?? '').split(',').map((host) => host.trim()).filter(Boolean);
  const addressed = [new URL(c.req.url).hostname, ...forwarded.map(hostnameOf)];
  if (!addressed.every((host) => host !== null && isLoopback(host))) throw new ApiError(409, 'links.publicUrlRequired', { origin });
  return origin;
}

function hostnameOf(host: string): string | null {
  return URL.canParse(`http://${host}`) ? new URL(`http://${host}`).hostname : null;
}

/** What to tell the operator at start when links cannot be issued to anyone on another computer; null when they can. */
export function linkOriginNotice(config: Pick<AppConfig, 'publicUrl' | 'port' | 'host'>): string | null {
  if (config.publicUrl || isLoopback(config.host)) return null;
  const wildcard = ['', '0.0.0.0', '::'].includes(config.host);
  const address = wildcard ? "<this server's name or address>" : config.host.includes(':') ? `[${config.host}]` : config.host;
  return [
    'PUBLIC_URL is not set, so respondent links cannot be issued to anyone working from another computer:',
    `they are issued only on this one, at ${localLinkOrigin(config.port)}, and open only here. Set PUBLIC_URL to the`,
    `address respondents open, e.g. http://${address}:${config.port} or the https:// address of a reverse proxy`,
    'in front of this server, and restart.',
  ].join('\n');
}
