import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// import.meta.dirname (Node ≥ 20.11) instead of node:url: the renderer folder forbids Node built-in imports.
const root = import.meta.dirname;

/** The renderer alone: `npm run build` → out/renderer, loaded by Electron (file://) and by the web host. */
export default defineConfig({
  root,
  base: './',
  // The logo is imported from assets/ (hashed into out/renderer/assets); nothing else is copied as-is.
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: `${root}/../out/renderer`,
    emptyOutDir: true,
    target: 'es2022',
    // No inline <script>/<style>: the CSP allows only 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
