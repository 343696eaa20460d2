import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Connection } from '../../db/connect.ts';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { openCampaignWithManyLinks } from '../support/manyLinks.ts';

/** Respondents on slow links get compressed bytes: the build's precompressed scripts, and the questionnaire gzipped. */

const SCRIPT = `console.log(${JSON.stringify('Сауалнама '.repeat(200))});\n`;
let staticDir: string;
let conn: Connection;
let app: ReturnType<typeof createApp>;
let token: string;
beforeAll(async () => {
  // A built site as vite.config.ts leaves it: each script beside its .br and .gz (different bytes, to tell which was sent).
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'b360-compression-'));
  fs.mkdirSync(path.join(staticDir, 'assets'));
  for (const page of ['index.html', 'respond.html']) fs.writeFileSync(path.join(staticDir, page), '<!doctype html><title>360</title>');
  fs.writeFileSync(path.join(staticDir, 'assets', 'respond-x.js'), SCRIPT);
  fs.writeFileSync(path.join(staticDir, 'assets', 'respond-x.js.br'), brotliCompressSync(SCRIPT));
  fs.writeFileSync(path.join(staticDir, 'assets', 'respond-x.js.gz'), gzipSync(SCRIPT));
  conn = await connect('sqlite::memory:');
  token = (await openCampaignWithManyLinks(conn.db, 6)).links[0]!.token;
  app = createApp({ conn, config: { ...loadConfig({ DATA_DIR: staticDir }), mail: null }, now: () => new Date() }, { staticDir });
});
afterAll(async () => {
  await conn.db.destroy();
  fs.rmSync(staticDir, { recursive: true, force: true });
});

const script = (acceptEncoding?: string) => app.request('/assets/respond-x.js', { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });
const open = (acceptEncoding?: string) =>
  app.request('/api/respond/open', { method: 'POST', headers: { 'content-type': 'application/json', ...(acceptEncoding && { 'accept-encoding': acceptEncoding }) }, body: JSON.stringify({ token }) });

describe('compressed responses for the respondent page', () => {
  it('sends a script as its Brotli copy, else its gzip copy, else as it is', async () => {
    const brotli = await script('gzip, deflate, br, zstd');
    expect(brotli.headers.get('content-encoding')).toBe('br');
    expect(brotli.headers.get('content-type')).toMatch(/javascript/);
    expect(brotli.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(Buffer.from(await brotli.arrayBuffer())).toString()).toBe(SCRIPT);

    const gzip = await script('gzip');
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(SCRIPT);

    const plain = await script();
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(SCRIPT);
  });

  it('gzips the questionnaire for a browser that accepts it, and sends the same JSON', async () => {
    const plain = await open();
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-encoding')).toBeNull();
    const text = await plain.text();
    expect(text.length).toBeGreaterThan(10_000);

    const gzipped = await open('gzip, deflate, br');
    expect(gzipped.status).toBe(200);
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    const bytes = Buffer.from(await gzipped.arrayBuffer());
    expect(bytes.length).toBeLessThan(text.length / 2);
    expect(JSON.parse(gunzipSync(bytes).toString())).toEqual(JSON.parse(text));
  });
});
