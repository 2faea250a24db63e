import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

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

/**
 * The licences of the packages bundled into the page and its workers, in one file beside the page
 * (`licenses.txt`): the bundles drop licence comments (they were half of each worker's bytes, an
 * Apache header per @stdlib file), so their text is kept here, once per distinct licence.
 */
function licencesFile(): { page: Plugin; worker: Plugin } {
  const packages = new Set<string>(); // package directories, from the page's build and its workers'
  const collect = (modules: Iterable<string>): void => {
    for (const id of modules) {
      const at = id.lastIndexOf('/node_modules/');
      if (at < 0 || id.startsWith('\0')) continue;
      const rest = id.slice(at + '/node_modules/'.length).split('/');
      packages.add(id.slice(0, at + '/node_modules/'.length) + rest.slice(0, rest[0].startsWith('@') ? 2 : 1).join('/'));
    }
  };
  const worker: Plugin = {
    name: 'sawtooth-licences-worker',
    generateBundle: (_, bundle) => collect(Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? Object.keys(c.modules) : []))),
  };
  const page: Plugin = {
    name: 'sawtooth-licences',
    apply: 'build',
    generateBundle(_, bundle) {
      collect(Object.values(bundle).flatMap((c) => (c.type === 'chunk' ? Object.keys(c.modules) : [])));
      const byText = new Map<string, string[]>();
      for (const dir of [...packages].sort()) {
        const meta = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; version: string; license?: string };
        const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f));
        const text = file === undefined ? `(no licence file; package.json says ${meta.license ?? 'nothing'})` : readFileSync(join(dir, file), 'utf8').trim();
        byText.set(text, [...(byText.get(text) ?? []), `${meta.name} ${meta.version} (${meta.license ?? 'no licence named'})`]);
      }
      const sections = [...byText].map(([text, names]) => `${'='.repeat(78)}\n${names.join('\n')}\n${'-'.repeat(78)}\n${text}\n`);
      const head = 'Third-party software in the Sawtooth web page and its Web Workers, with its licences.\n\n';
      this.emitFile({ type: 'asset', fileName: 'licenses.txt', source: head + sections.join('\n') });
    },
  };
  return { page, worker };
}

const licences = licencesFile();

// The web page lives in ui/; it imports the simulation from sim/ (one level up).
export default defineConfig({
  root: 'ui',
  base: './',
  build: { outDir: '../dist/ui', emptyOutDir: true, target: 'es2022' },
  server: { open: !process.env.CI, fs: { allow: ['..'] }, headers: SECURITY_HEADERS },
  preview: { headers: SECURITY_HEADERS },
  // No comments in the workers' bundles (Vite drops them from the page's): licence texts are in licenses.txt.
  worker: { format: 'es', plugins: () => [licences.worker], rolldownOptions: { output: { comments: false } } },
  plugins: [licences.page],
  resolve: {
    alias: [
      // stdlib's generator probe uses eval, which the CSP forbids: the page knows the answer (ui/shims/).
      { find: '@stdlib/assert-has-generator-support', replacement: fileURLToPath(new URL('./ui/shims/has-generator-support.cjs', import.meta.url)) },
      // Vega without the transforms no chart of the page uses (ui/shims/vega-slim.js).
      { find: /^vega$/, replacement: fileURLToPath(new URL('./ui/shims/vega-slim.js', import.meta.url)) },
      // No maps: the three d3-geo functions vega-functions imports, as stubs (ui/shims/d3-geo-none.js).
      { find: /^d3-geo$/, replacement: fileURLToPath(new URL('./ui/shims/d3-geo-none.js', import.meta.url)) },
    ],
  },
});
