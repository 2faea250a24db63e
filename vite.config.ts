import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The page's Content-Security-Policy, also in ui/index.html as a meta tag (for hosts that send no
 * headers; a test keeps the two in step). Sent here as a header with what a meta tag cannot carry.
 */
export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; worker-src 'self'; connect-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'";

/** Headers for every response of the dev and preview servers; a deployment should send the same (README). */
export const SECURITY_HEADERS = {
  // frame-ancestors is ignored in a meta tag: only a header keeps the page out of other sites' frames.
  'Content-Security-Policy': `${PAGE_CSP}; frame-ancestors 'none'`,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

// The web page lives in ui/; it imports the simulation from sim/ (one level up).
export default defineConfig({
  root: 'ui',
  base: './',
  build: { outDir: '../dist/ui', emptyOutDir: true, target: 'es2022' },
  server: { open: !process.env.CI, fs: { allow: ['..'] }, headers: SECURITY_HEADERS },
  preview: { headers: SECURITY_HEADERS },
  worker: { format: 'es' },
  resolve: {
    alias: {
      // stdlib's generator probe uses eval, which the CSP forbids: the page knows the answer (ui/shims/).
      '@stdlib/assert-has-generator-support': fileURLToPath(new URL('./ui/shims/has-generator-support.cjs', import.meta.url)),
    },
  },
});
