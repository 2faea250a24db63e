// ui/csp-setup.ts tells zod to run jitless (no `new Function`, which the page's CSP forbids)
// without importing it: zod must read the setting it leaves on globalThis.
import { describe, expect, it, vi } from 'vitest';

describe('csp-setup', () => {
  it('makes zod jitless before zod is loaded, without loading it', async () => {
    vi.resetModules();
    delete (globalThis as { __zod_globalConfig?: unknown }).__zod_globalConfig;
    await import('../../../ui/csp-setup.js');
    const { config } = await import('zod');
    expect(config().jitless).toBe(true);
  });
});
