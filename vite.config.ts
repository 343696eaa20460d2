import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import solid from 'vite-plugin-solid';

/**
 * Beside every built script and stylesheet, its Brotli and gzip forms (`.br`, `.gz`), which the server sends to
 * browsers that accept them (server/app.ts): compressed once at build time, at the highest levels.
 */
function precompressAssets(): Plugin {
  return {
    name: 'bagalau-precompress-assets',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (!/\.(js|css)$/.test(file.fileName)) continue;
        const source = Buffer.from(file.type === 'chunk' ? file.code : file.source);
        this.emitFile({ type: 'asset', fileName: `${file.fileName}.br`, source: brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) });
        this.emitFile({ type: 'asset', fileName: `${file.fileName}.gz`, source: gzipSync(source, { level: 9 }) });
      }
    },
  };
}

// Two entries: the staff app, and the respondent page, which must stay small for phones on slow links.
export default defineConfig({
  root: 'client',
  plugins: [solid(), precompressAssets()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    rollupOptions: { input: { index: 'client/index.html', respond: 'client/respond.html' } },
  },
  server: { proxy: { '/api': `http://localhost:${process.env.PORT ?? 8080}` } },
});
