import { expect, type APIRequestContext } from '@playwright/test';
import { SAME_ORIGIN } from './sameOrigin.ts';

/** Sets data up through the API as the signed-in page would; a refusal fails the spec with the server's answer. */
export async function send(request: APIRequestContext, method: 'post' | 'put', path: string, data: unknown) {
  const res = await request[method](`/api${path}`, { data, headers: SAME_ORIGIN });
  expect(res.ok(), `${path}: ${await res.text()}`).toBe(true);
  return res.status() === 204 ? null : res.json();
}

export const post = (request: APIRequestContext, path: string, data: unknown) => send(request, 'post', path, data);
