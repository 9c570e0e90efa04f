/**
 * Client build: the Preact PWA in client/ → dist/ (or $OUT_DIR), plus the service worker
 * (client/sw/sw.ts → dist/sw.js, ONE classic script, precache manifest injected by vite-plugin-pwa).
 *
 * Env:
 * - BUILD_ID: baked into the page and the service worker (default: a timestamp). Two builds with
 *   different ids give two service workers, which is how the e2e update test makes an update.
 * - OUT_DIR: output directory, relative to the repository root (default dist).
 * - API_ORIGIN: where `vite` (dev) proxies /api, /healthz and the poster short links /i/… (default http://localhost:8787).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

const repo = fileURLToPath(new URL('.', import.meta.url));
const buildId =
  process.env.BUILD_ID ||
  new Date()
    .toISOString()
    .replace(/[-:TZ.]/g, '')
    .slice(0, 14);
const outDir = resolve(repo, process.env.OUT_DIR || 'dist');
const api = process.env.API_ORIGIN || 'http://localhost:8787';

export default defineConfig({
  root: resolve(repo, 'client'),
  publicDir: resolve(repo, 'public'),
  define: {
    __BUILD_ID__: JSON.stringify(buildId),
  },
  build: {
    outDir,
    emptyOutDir: true,
    // Nothing inlined as data: URIs (strict CSP, and every asset is a cacheable file).
    assetsInlineLimit: 0,
    sourcemap: false,
    rollupOptions: {
      output: {
        // Chunks of staff code (and the libraries only it uses) are named staff-…, so the service
        // worker's precache leaves them out (below) whatever the screen is called.
        chunkFileNames: (chunk) =>
          chunk.moduleIds.some((id) => id.includes('/client/staff/')) &&
          chunk.moduleIds.every((id) => id.includes('/client/staff/') || id.includes('/node_modules/'))
            ? `assets/${chunk.name.startsWith('staff-') ? '' : 'staff-'}[name]-[hash].js`
            : 'assets/[name]-[hash].js',
      },
    },
  },
  server: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/healthz': { target: api, changeOrigin: false },
      '^/i/': { target: api, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/healthz': { target: api, changeOrigin: false },
      '^/i/': { target: api, changeOrigin: false },
    },
  },
  plugins: [
    preact({ prerender: { enabled: false } }),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      injectRegister: false,
      // public/manifest.webmanifest is the manifest; index.html links it.
      manifest: false,
      injectManifest: {
        globPatterns: ['**/*.{js,css,html}'],
        // Staff screens need the network anyway (sessions live on the server): participants'
        // phones should not download them when the service worker installs.
        globIgnores: ['**/staff-*'],
        rollupFormat: 'iife',
      },
      devOptions: { enabled: false },
    }),
  ],
});
