import { Hono } from 'hono';
import { respondOpenBody, respondSubmitBody } from '../../shared/schemas/api.ts';
import { parseBody } from '../http/parseBody.ts';
import { openLink, submitAnswers } from '../services/responses.ts';
import type { AppDeps } from './deps.ts';

/** The respondent's side: no account, the link's token is the only credential, sent in the body, never in a URL. */
export function respondRoutes({ conn: { db }, config, now }: AppDeps) {
  return new Hono()
    .post('/open', async (c) => {
      const { token } = await parseBody(c, respondOpenBody);
      return c.json(await openLink(db, token, now(), config.timeZone));
    })
    .post('/submit', async (c) => {
      const { token, answers } = await parseBody(c, respondSubmitBody);
      await submitAnswers(db, token, answers, now(), config.timeZone);
      return c.json({ status: 'recorded' }, 201);
    });
}
