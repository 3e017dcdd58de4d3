import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

// The API server runs beside the dev server; proxying keeps the session cookie same-origin,
// exactly as in production where the server also serves the built files.
const apiServer = 'http://127.0.0.1:3000';

/** In development, as the server does in production (app.ts): /s/… is the answering page, /h5… the owner's pages. */
const ownerEntries: Plugin = {
  name: 'manyi-owner-entries',
  configureServer(server) {
    server.middlewares.use((request, _response, next) => {
      const path = request.url?.split('?')[0] ?? '';
      if (path.startsWith('/s/')) request.url = '/answer.html';
      else if (path === '/h5' || path.startsWith('/h5/')) request.url = '/owner.html';
      next();
    });
  },
};

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react(), ownerEntries],
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': apiServer,
      '/healthz': apiServer,
      '/readyz': apiServer,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The owner's pages are their own entries so they load none of the console (≤ 150 KB gzipped JS each): the answering
    // page (issue 4 §4) and the owner's phone pages under /h5 (issue 15 §5). The manifest lets scripts/owner-bundle-size.mjs
    // find each entry's pages.
    manifest: true,
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        answer: fileURLToPath(new URL('answer.html', import.meta.url)),
        owner: fileURLToPath(new URL('owner.html', import.meta.url)),
      },
    },
  },
});
