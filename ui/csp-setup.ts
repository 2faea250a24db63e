// Runs before anything that imports sim/: it is the first import of the page (main.ts) and of each
// Web Worker. Zod compiles its object checks with `new Function`, and probes for it whenever a
// schema is built, unless it runs jitless; the page's Content-Security-Policy forbids eval, and
// the probe would be reported as a violation even though zod catches it.
import { config } from 'zod';

config({ jitless: true });
