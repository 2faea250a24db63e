import { defineConfig } from 'vite';

// The web page lives in ui/; it imports the simulation from sim/ (one level up).
export default defineConfig({
  root: 'ui',
  base: './',
  build: { outDir: '../dist/ui', emptyOutDir: true, target: 'es2022' },
  server: { open: !process.env.CI, fs: { allow: ['..'] } },
  worker: { format: 'es' },
});
