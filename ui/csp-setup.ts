// Runs before anything that imports sim/: it is the first import of the page (main.ts) and of each
// Web Worker. Zod compiles its object checks with `new Function`, and probes for it whenever a
// schema is built, unless it runs jitless; the page's Content-Security-Policy forbids eval, and
// the probe would be reported as a violation even though zod catches it.
//
// Zod keeps its settings on `globalThis.__zod_globalConfig` (every copy of zod shares them) and
// adopts the object it finds there: set there, they hold without importing zod, which the page's
// first script does not need (test/unit/ui/csp-setup.test.ts checks that zod reads them).
const shared = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
(shared.__zod_globalConfig ??= {}).jitless = true;
