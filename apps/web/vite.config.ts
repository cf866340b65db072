// Vite config for the Daogang web UI (apps/web).
// Build:   npx vite build --config apps/web/vite.config.ts   → apps/web/dist
// Dev:     API_URL=http://127.0.0.1:3000 WEB_PORT=5173 npx vite --config apps/web/vite.config.ts
// Preview: npx vite preview --config apps/web/vite.config.ts  (serves dist/, same /api proxy)
import { fileURLToPath } from 'node:url';
import { defineConfig, type ProxyOptions } from 'vite';
import vue from '@vitejs/plugin-vue';

const root = fileURLToPath(new URL('.', import.meta.url));
const apiTarget = process.env.API_URL ?? 'http://127.0.0.1:3000';
const port = Number(process.env.WEB_PORT ?? 5173);

// Browser → vite (dev or preview) → API. The API sees the real client address in X-Forwarded-For.
const proxy: Record<string, ProxyOptions> = {
  '/api': { target: apiTarget, changeOrigin: true, xfwd: true },
};

export default defineConfig({
  root,
  base: '/',
  publicDir: 'public',
  plugins: [vue()],
  define: {
    // Vant 4, Element Plus 2 and our pages all use the Composition API: drop the Options API from Vue.
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Cheap Android phones and old in-app WebViews: syntax lowered to what Chrome 64 / Safari 12 run
    // (native ES modules and dynamic import are the floor). Costs ~0.1 kB gzip over a modern target.
    target: ['es2018', 'chrome64', 'safari12'],
    // Keep assets as separate files (fonts/images) unless tiny.
    assetsInlineLimit: 4096,
    reportCompressedSize: true,
    chunkSizeWarningLimit: 600,
  },
  server: { port, proxy },
  preview: { port, proxy },
});
