import { Hono } from 'hono';
import { respondOpenBody, respondSubmitBody } from '../../shared/schemas/api.ts';
import { ApiError } from '../http/apiError.ts';
import { clientAddress } from '../http/clientAddress.ts';
import { parseBody } from '../http/parseBody.ts';
import { UnknownTokenLimiter } from '../security/unknownTokenLimiter.ts';
import { openLink, submitAnswers } from '../services/responses.ts';
import type { RouteDeps } from './deps.ts';

/** The respondent's side: no account, the link's token is the only credential, sent in the body, never in a URL. */
export function respondRoutes({ conn: { db }, config, now, answerKeys }: RouteDeps) {
  const limiter = new UnknownTokenLimiter(now);
  /** Runs `use` of a token, counting it against the client when it matched no link. */
  const counted = async <T>(client: string, use: () => Promise<T>): Promise<T> => {
    try {
      return await use();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'link.unknown') limiter.recordUnknown(client);
      throw error;
    }
  };
  return new Hono()
    .use(async (c, next) => {
      const wait = limiter.retryAfterSeconds(clientAddress(c, config.trustProxy));
      if (wait === null) return next();
      const refusal = new ApiError(429, 'respond.tooManyUnknownLinks', { minutes: Math.ceil(wait / 60) });
      return c.json(refusal.toJSON(), 429, { 'Retry-After': String(wait) });
    })
    .post('/open', async (c) => {
      const { token } = await parseBody(c, respondOpenBody);
      return c.json(await counted(clientAddress(c, config.trustProxy), () => openLink(db, token, now(), config.timeZone)));
    })
    .post('/submit', async (c) => {
      const { token, answers } = await parseBody(c, respondSubmitBody);
      await counted(clientAddress(c, config.trustProxy), () => submitAnswers(db, answerKeys, token, answers, now(), config.timeZone));
      return c.json({ status: 'recorded' }, 201);
    });
}
