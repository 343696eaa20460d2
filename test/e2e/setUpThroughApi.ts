import { expect, request, type APIRequestContext } from '@playwright/test';
import { E2E_DISTRIBUTOR } from './credentials.ts';
import { SAME_ORIGIN } from './sameOrigin.ts';

/** Sets data up through the API as the signed-in page would; a refusal fails the spec with the server's answer. */
export async function send(request: APIRequestContext, method: 'post' | 'put', path: string, data: unknown) {
  const res = await request[method](`/api${path}`, { data, headers: SAME_ORIGIN });
  expect(res.ok(), `${path}: ${await res.text()}`).toBe(true);
  return res.status() === 204 ? null : res.json();
}

export const post = (request: APIRequestContext, path: string, data: unknown) => send(request, 'post', path, data);

/**
 * Issues a campaign's links as the HR officer who hands them out (E2E_DISTRIBUTOR), in a session of its own: the
 * specs read reports as other accounts, for whom answers through links they held would not count (issue 11).
 */
export async function issueLinks(campaignId: string, data: { invitationIds?: string[] } = {}) {
  const api = await request.newContext({ baseURL: SAME_ORIGIN.origin });
  try {
    await post(api, '/auth/login', { login: E2E_DISTRIBUTOR.login, password: E2E_DISTRIBUTOR.password });
    return (await post(api, `/campaigns/${campaignId}/links`, data)) as { links: Array<{ invitationId: string; url: string; respondentName: string; evaluatedName: string; relation: string }> };
  } finally {
    await api.dispose();
  }
}
