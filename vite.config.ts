import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';

// Two entries: the staff app, and the respondent page, which must stay small for phones on slow links.
export default defineConfig({
  root: 'client',
  plugins: [solid()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    rollupOptions: { input: { index: 'client/index.html', respond: 'client/respond.html' } },
  },
  server: { proxy: { '/api': `http://localhost:${process.env.PORT ?? 8080}` } },
});
