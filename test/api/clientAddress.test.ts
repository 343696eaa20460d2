import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientAddress, NO_SOCKET_CLIENT } from '../../server/http/clientAddress.ts';

describe('clientAddress', () => {
  const app = new Hono().get('/', (c) => c.text(clientAddress(c, false)));

  it('is the socket’s remote address, whatever X-Forwarded-For claims, unless a proxy is trusted', async () => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await once(server, 'listening');
    try {
      const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`, { headers: { 'x-forwarded-for': '203.0.113.9' } });
      expect(await res.text()).toBe('127.0.0.1');
    } finally {
      server.close();
    }
  });

  it('is one fixed client for requests without a socket', async () => {
    expect(await (await app.request('/')).text()).toBe(NO_SOCKET_CLIENT);
  });
});
