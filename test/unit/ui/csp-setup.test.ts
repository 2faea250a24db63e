// ui/csp-setup.ts tells zod to run jitless (no `new Function`, which the page's CSP forbids)
// without importing it: it sets the settings zod keeps on globalThis, which zod adopts whether it
// loads before or after (this project's files share a module cache, so zod may already be loaded).
import { afterEach, describe, expect, it } from 'vitest';

const shared = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
const before = shared.__zod_globalConfig?.jitless;

describe('csp-setup', () => {
  afterEach(() => {
    // Other files in this worker run zod as they would without the page's setup.
    if (shared.__zod_globalConfig) shared.__zod_globalConfig.jitless = before;
  });

  it('makes zod jitless through the settings zod shares on globalThis', async () => {
    await import('../../../ui/csp-setup.js');
    const { config } = await import('zod');
    expect(config()).toBe(shared.__zod_globalConfig);
    expect(config().jitless).toBe(true);
  });
});
