import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageWeight } from '../support/pageWeight.ts';

/** What a respondent's phone may download before the questionnaire works (issue 6): JS and CSS, gzipped. */
const BUDGET_BYTES = 40_000;

// Built here from the current source rather than read from dist/, which may be stale or missing.
let outDir: string;
beforeAll(async () => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'b360-bundle-'));
  await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
}, 120_000);
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

describe('the respondent page bundle', () => {
  it(`loads at most ${BUDGET_BYTES} bytes of gzipped JS and CSS`, () => {
    const weight = pageWeight(outDir, 'respond.html');
    expect(weight.files.some((f) => f.href.endsWith('.js'))).toBe(true);
    expect(weight.files.some((f) => f.href.endsWith('.css'))).toBe(true);
    expect(weight.gzipBytes, JSON.stringify(weight.files)).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it('carries none of the staff app’s strings', () => {
    // A staff-only message in each language: were the full catalogues bundled, these would be in a file.
    const staffOnly = ['Skip to content', 'Мазмұнға өту', 'Перейти к содержимому'];
    const loaded = pageWeight(outDir, 'respond.html').files.map((f) => fs.readFileSync(path.join(outDir, f.href), 'utf8')).join('\n');
    for (const text of staffOnly) expect(loaded.includes(text), `respond.html loads «${text}»`).toBe(false);
    const staffApp = pageWeight(outDir, 'index.html').files.map((f) => fs.readFileSync(path.join(outDir, f.href), 'utf8')).join('\n');
    for (const text of staffOnly) expect(staffApp.includes(text), `index.html lacks «${text}»`).toBe(true);
  });

  it('has beside every built script and stylesheet a Brotli and a gzip copy of its final bytes, for the server to send', () => {
    const assets = fs.readdirSync(path.join(outDir, 'assets')).filter((name) => /\.(js|css)$/.test(name));
    expect(assets.length).toBeGreaterThan(4);
    for (const name of assets) {
      const file = path.join(outDir, 'assets', name);
      const original = fs.readFileSync(file);
      expect(brotliDecompressSync(fs.readFileSync(`${file}.br`)).equals(original), `${name}.br`).toBe(true);
      expect(gunzipSync(fs.readFileSync(`${file}.gz`)).equals(original), `${name}.gz`).toBe(true);
    }
  });
});
