// A line's tooltip names the point under the pointer, not the line's first point (a line is one
// path: the cumulative charts overlay invisible points that carry each point's values).
import { describe, expect, it } from 'vitest';
import { useSuite } from './harness.js';

const suite = useSuite('tooltips');

declare global {
  interface Window {
    __hovered: { value: unknown; strategy: unknown } | null;
  }
}

describe('tooltips on lines', () => {
  it('give the values of the point hovered, along the whole line', async () => {
    const app = await suite.open();
    const chart = app.page.locator('#chart-throughput');
    await chart.scrollIntoViewIfNeeded();
    // What Vega picked under the pointer, as the view reports it to its own listeners.
    await chart.evaluate((v) => {
      type Item = { mark: { marktype: string }; datum?: { value?: unknown; strategy?: unknown } };
      const view = (v as HTMLElement & { view: { addEventListener(type: string, f: (e: unknown, item: Item | null) => void): void } }).view;
      window.__hovered = null;
      view.addEventListener('pointermove', (_e, item) => {
        window.__hovered = item?.mark.marktype === 'symbol' ? { value: item.datum?.value, strategy: item.datum?.strategy } : null;
      });
    });
    const points = await app.markItems('#chart-throughput', 'symbol');
    const firstValue = Math.min(...points.filter((p) => typeof p.datum.value === 'number').map((p) => Number(p.datum.value)));
    const box = (await chart.locator('canvas, svg').first().boundingBox())!;
    const tooltip = app.page.locator('#vg-tooltip-element');
    const seen = new Set<number>();
    // Sweep the pointer over the middle and the right of the plot, where deliveries have piled up.
    for (const fx of [0.45, 0.6, 0.75, 0.9]) {
      for (let fy = 0.1; fy < 0.9; fy += 0.01) {
        await app.page.mouse.move(box.x + fx * box.width, box.y + fy * box.height);
        const hovered = await app.page.evaluate(() => window.__hovered);
        if (hovered === null) continue;
        const value = Number(hovered.value);
        await expect.poll(() => tooltip.evaluate((el) => el.textContent ?? '').catch(() => '')).toContain(String(hovered.strategy));
        expect(await tooltip.textContent()).toContain(value.toLocaleString('en-US', { maximumSignificantDigits: 4 }));
        seen.add(value);
        break;
      }
    }
    // Points along the line, each with its own value, none of them the line's start.
    expect(seen.size).toBeGreaterThanOrEqual(3);
    for (const value of seen) expect(value).toBeGreaterThan(firstValue);
    expect(app.errors).toEqual([]);
  });
});
