// The page under its Content-Security-Policy: the policy is in the built page and in the server's
// headers (with frame-ancestors, nosniff and a referrer policy), and the page runs, draws, shows
// tooltips, sweeps and exports under it without a violation: Vega interprets its expressions,
// zod runs jitless, nothing evaluates a string.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PAGE_CSP, SECURITY_HEADERS } from '../../vite.config.js';
import { useSuite, ROOT, RUN_TIMEOUT } from './harness.js';

const NAME = 'csp';
const suite = useSuite(NAME);

declare global {
  interface Window {
    __violations: string[];
  }
}

/** The directives of a policy, by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

describe('the Content-Security-Policy', () => {
  it('is in the built page as a meta tag and in every response header, with frame-ancestors, nosniff and no referrer', async () => {
    const html = readFileSync(join(ROOT, 'test', '.tmp', 'e2e', NAME, 'index.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(PAGE_CSP);
    const policy = directives(meta!);
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('worker-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(meta).not.toMatch(/unsafe-eval|frame-ancestors/);
    expect(html).toContain('<meta name="referrer" content="no-referrer"');
    // No inline script at all: every script is a file of the page.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);

    const script = /<script[^>]*src="\.\/([^"]+)"/.exec(html)![1];
    for (const url of [suite.url, `${suite.url}${script}`]) {
      const response = await fetch(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-security-policy'), url).toBe(`${PAGE_CSP}; frame-ancestors 'none'`);
      expect(response.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(response.headers.get('referrer-policy'), url).toBe('no-referrer');
      expect(response.headers.get('x-frame-options'), url).toBe('DENY');
    }
    expect(SECURITY_HEADERS['Content-Security-Policy']).toContain("frame-ancestors 'none'");
  });

  it('lets the page run, draw, show tooltips, sweep, present and export without a violation, and no string is evaluated', async () => {
    const app = await suite.newPage();
    await app.context.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`),
      );
    });
    const workers: { evaluate<T>(fn: () => T): Promise<T> }[] = [];
    app.page.on('worker', (worker) => workers.push(worker));
    await app.goto(suite.url);
    const charts = await app.charts();
    expect(charts.length).toBe(6); // the five dashboard charts and the press's timeline
    expect(charts.filter((c) => !c.drawn).map((c) => c.id)).toEqual([]);

    // A tooltip (Vega expressions, interpreted) over a bar, its chart scrolled into view first.
    await app.page.locator('#chart-kpis').scrollIntoViewIfNeeded();
    const [bar] = await app.markItems('#chart-kpis', 'rect');
    await app.page.mouse.move(bar.x, bar.y);
    await expect
      .poll(() =>
        app.page
          .locator('#vg-tooltip-element')
          .evaluate((el) => el.textContent ?? '')
          .catch(() => ''),
      )
      .toContain('JIT');

    // A sweep, the presentation and the exports.
    await app.page.locator('sweep-panel button[type="submit"]').click();
    await expect.poll(() => app.chartDrawn('#chart-sweep'), { timeout: RUN_TIMEOUT }).toBe(true);
    const report = await app.download(() => app.button('HTML report').click());
    expect(report.bytes.toString('utf8')).toContain('<svg');
    expect((await app.download(() => app.button('CSV').click())).bytes.length).toBeGreaterThan(0);
    await app.button('Present').click();
    await expect
      .poll(() =>
        app.page
          .locator('presentation-view chart-view')
          .evaluate((v) => isDrawn(v))
          .catch(() => false),
      )
      .toBe(true);
    await app.page.keyboard.press('Escape');

    expect(await app.page.evaluate(() => window.__violations)).toEqual([]);
    expect(app.errors).toEqual([]);
    // Eval is blocked in the page and in its workers (which get the policy from their own response).
    // The string is the engine's to evaluate later, so the policy applies (a DevTools call does not count).
    const evaluateLater = () => {
      (globalThis as { __evaluated?: boolean }).__evaluated = false;
      (setTimeout as (code: string, ms: number) => number)('globalThis.__evaluated = true', 0);
    };
    const evaluated = () => (globalThis as { __evaluated?: boolean }).__evaluated;
    await app.page.evaluate(evaluateLater);
    expect(workers.length).toBeGreaterThan(1);
    await Promise.all(workers.map((w) => w.evaluate(evaluateLater)));
    await app.page.waitForTimeout(500);
    expect(await app.page.evaluate(evaluated)).toBe(false);
    expect(await Promise.all(workers.map((w) => w.evaluate(evaluated)))).toEqual(workers.map(() => false));
  });

  it('keeps the page out of another page’s frame', async () => {
    const host = await suite.newPage();
    await host.page.setContent(`<iframe src="${suite.url}" style="width:800px;height:600px"></iframe>`);
    await host.page.waitForTimeout(3000);
    const frame = host.page.frames().find((f) => f !== host.page.mainFrame());
    expect(frame).toBeDefined();
    expect(await frame!.locator('sawtooth-app').count()).toBe(0);
  });
});
