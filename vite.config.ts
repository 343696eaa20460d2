import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import solid from 'vite-plugin-solid';
import { EARLY_OPEN_SCRIPT } from './shared/respondentPage/earlyOpen.ts';

/**
 * Beside every built script and stylesheet, its Brotli and gzip forms (`.br`, `.gz`), which the server sends to
 * browsers that accept them (server/app.ts): compressed once at build time, at the highest levels.
 */
function precompressAssets(): Plugin {
  return {
    name: 'bagalau-precompress-assets',
    apply: 'build',
    // From the files as written: the chunks' code is final only then (Vite fills in preload lists last).
    writeBundle(options, bundle) {
      for (const fileName of Object.keys(bundle).filter((name) => /\.(js|css)$/.test(name))) {
        const file = path.join(options.dir!, fileName);
        const source = fs.readFileSync(file);
        fs.writeFileSync(`${file}.br`, brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        fs.writeFileSync(`${file}.gz`, gzipSync(source, { level: 9 }));
      }
    },
  };
}

/** The respondent page's inline script that asks for the questionnaire while the page's own scripts load. */
function openQuestionnaireEarly(): Plugin {
  return {
    name: 'bagalau-open-questionnaire-early',
    transformIndexHtml(html, context) {
      if (!context.filename.endsWith('respond.html')) return html;
      return { html, tags: [{ tag: 'script', children: EARLY_OPEN_SCRIPT, injectTo: 'head-prepend' }] };
    },
  };
}

// Two entries: the staff app, and the respondent page, which must stay small for phones on slow links.
export default defineConfig({
  root: 'client',
  plugins: [solid(), openQuestionnaireEarly(), precompressAssets()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    rollupOptions: { input: { index: 'client/index.html', respond: 'client/respond.html' } },
  },
  server: { proxy: { '/api': `http://localhost:${process.env.PORT ?? 8080}` } },
});
