import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The API server runs beside the dev server; proxying keeps the session cookie same-origin,
// exactly as in production where the server also serves the built files.
const apiServer = 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
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
    // The owner's answering page is its own entry so it loads none of the console (issue 4 §4: ≤ 150 KB gzipped JS).
    rollupOptions: { input: { main: fileURLToPath(new URL('index.html', import.meta.url)), answer: fileURLToPath(new URL('answer.html', import.meta.url)) } },
  },
});
