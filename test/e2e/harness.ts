import { afterAll, afterEach, beforeAll } from 'vitest';
// The browser test harness: builds the page with Vite, serves it with `vite preview`, drives it in
// Debian's Chromium through playwright-core, and collects what a person would notice went wrong
// (console errors, page errors, dialogs).
//
// Each test file builds into its own directory under test/.tmp/e2e/ (the build takes ~2 s), so two
// files running in parallel never write the same files and nothing touches dist/ui.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Download, type Locator, type Page } from 'playwright-core';
import { build, preview, type InlineConfig, type PreviewServer } from 'vite';

export const ROOT = resolve(import.meta.dirname, '../..');
export const RESULTS = join(ROOT, 'test-results');
export const SCREENSHOTS = join(RESULTS, 'screenshots');
const VITE_CONFIG = join(ROOT, 'vite.config.ts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** How long a run (or a sweep) may take before a wait gives up; generous for a loaded 2-core box. */
export const RUN_TIMEOUT = 45_000;

/** What the page records of every `charts-settled` event (see the init script below). */
export interface SettledRecord {
  settledMs: number;
  runMs: number;
  /** True when the event came from a run a newer one replaced (the page is still simulating). */
  busy: boolean;
}

declare global {
  interface Window {
    __e2e: { settled: SettledRecord[] };
  }
  /** Installed in every page by the harness (see newPage). */
  function isDrawn(view: Element): boolean;
}

/** A bundled scenario as the file on disk has it. */
export function scenarioText(id: string): string {
  return readFileSync(join(ROOT, 'scenarios', `${id}.yaml`), 'utf8');
}

/** Escapes text the way the HTML report must (element content and attributes). */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}

/** Collapses runs of white space, for comparing text as a person reads it. */
export function squash(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function writeResult(name: string, content: string): string {
  mkdirSync(RESULTS, { recursive: true });
  const path = join(RESULTS, name);
  writeFileSync(path, content);
  return path;
}

/** One open page of the app with what went wrong in it. */
export class AppPage {
  /** Console errors and uncaught page errors, in order. */
  readonly errors: string[] = [];
  /** Messages of alert/confirm/prompt dialogs (each is dismissed). */
  readonly dialogs: string[] = [];

  constructor(
    readonly page: Page,
    readonly context: BrowserContext,
  ) {
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.errors.push(`page error: ${error.message}`));
    page.on('dialog', (dialog) => {
      this.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss().catch(() => undefined);
    });
  }

  /** The scenario picker in the header. */
  get picker(): Locator {
    return this.page.locator('select[aria-label="Scenario"]');
  }

  get editor(): Locator {
    return this.page.locator('scenario-editor textarea');
  }

  get problems(): Locator {
    return this.page.locator('scenario-editor ul[role="alert"]');
  }

  get staleNote(): Locator {
    return this.page.locator('sawtooth-app .stale-note');
  }

  get status(): Locator {
    return this.page.locator('sawtooth-app .status');
  }

  get heading(): Locator {
    return this.page.locator('sawtooth-app .description h2');
  }

  get description(): Locator {
    return this.page.locator('sawtooth-app .description p');
  }

  slider(path: string): Locator {
    return this.page.locator(`strategy-sliders input[type="range"][data-path="${path}"]`);
  }

  /** The number printed beside a slider (what the run used), as text. */
  async sliderLabel(path: string): Promise<string> {
    const id = await this.slider(path).getAttribute('id');
    return squash(await this.page.locator(`strategy-sliders output[for="${id}"]`).textContent());
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** Goes to `url` (the page's own by default) and waits for the first run's charts. */
  async goto(url: string): Promise<void> {
    await this.page.goto(url);
    await this.waitSettled(0);
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitSettled(0);
  }

  /** How many `charts-settled` events the page has seen so far. */
  settledCount(): Promise<number> {
    return this.page.evaluate(() => window.__e2e.settled.length);
  }

  /**
   * Waits until a `charts-settled` event after the first `after` ones has come from the newest run
   * (a run a newer one replaced settles too, while the page is still busy: that one is skipped).
   */
  async waitSettled(after: number, timeout = RUN_TIMEOUT): Promise<SettledRecord> {
    const handle = await this.page.waitForFunction(
      (after) => {
        const settled = window.__e2e.settled;
        const last = settled[settled.length - 1];
        return settled.length > after && last !== undefined && !last.busy ? last : null;
      },
      after,
      { timeout, polling: 50 },
    );
    return (await handle.jsonValue()) as SettledRecord;
  }

  /** Does `action` and waits for the charts of the run it starts. */
  async settle(action: () => Promise<unknown>, timeout = RUN_TIMEOUT): Promise<SettledRecord> {
    const before = await this.settledCount();
    await action();
    return this.waitSettled(before, timeout);
  }

  /** Moves a slider the way the browser does when it is dragged: sets the value, fires `input`. */
  async moveSlider(path: string, value: number): Promise<SettledRecord> {
    return this.settle(() =>
      this.slider(path).evaluate((input: HTMLInputElement, value) => {
        input.value = String(value);
        input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      }, value),
    );
  }

  /** Replaces the whole YAML (as a paste would) and waits for the run (or the validation) it starts. */
  async setText(text: string): Promise<SettledRecord> {
    return this.settle(() => this.editor.fill(text));
  }

  /** Picks a bundled scenario and waits for its charts. */
  async pick(id: string): Promise<SettledRecord> {
    return this.settle(() => this.picker.selectOption(id));
  }

  /**
   * Per chart-view in the results: its id and whether Vega has drawn it (an `svg.marks` or a
   * `canvas.marks` of non-zero size: the page may use either renderer). The sweep's chart and the
   * replay's Gantt (its own panel, test/e2e/replay.test.ts) are not the results' charts.
   */
  charts(): Promise<{ id: string; drawn: boolean }[]> {
    return this.page
      .locator('sawtooth-app main chart-view:not(#chart-sweep):not(#chart-replay-timeline)')
      .evaluateAll((views) => views.map((v) => ({ id: v.id, drawn: isDrawn(v) })));
  }

  /** Whether the chart-view `selector` (e.g. `#chart-sweep`) has a drawn Vega view. */
  chartDrawn(selector: string): Promise<boolean> {
    return this.page
      .locator(selector)
      .evaluate((v) => isDrawn(v))
      .catch(() => false);
  }

  /** The chart as SVG text, the way the page exports it (the Vega view's toSVG). */
  chartSvg(selector: string): Promise<string> {
    return this.page.locator(selector).evaluate(async (v) => {
      // A chart off screen may still show an older run until it is seen (chart-view): drawn now, as the exports do.
      await (v as HTMLElement & { drawPending(): Promise<void> }).drawPending();
      const view = (v as HTMLElement & { view: { toSVG(): Promise<string> } | null }).view;
      if (!view) throw new Error('chart has no Vega view');
      return view.toSVG();
    });
  }

  /**
   * A chart's marks of one type (`rect` for bars and heat-map cells, `symbol`, `line`…) with the
   * page coordinates of their centres, their size in pixels and their data, read from the Vega scene graph: a canvas
   * chart has no DOM element per mark.
   */
  markItems(selector: string, marktype: string): Promise<{ x: number; y: number; width: number; height: number; datum: Record<string, unknown> }[]> {
    return this.page.locator(selector).evaluate(async (v, marktype) => {
      await (v as HTMLElement & { drawPending(): Promise<void> }).drawPending();
      type Item = { x?: number; y?: number; bounds: { x1: number; x2: number; y1: number; y2: number }; datum?: Record<string, unknown>; items?: Mark[] };
      type Mark = { marktype: string; items?: Item[] };
      const view = (v as HTMLElement & { view: { scenegraph(): { root: Mark }; origin(): [number, number] } | null }).view;
      if (!view) throw new Error('chart has no Vega view');
      const surface = v.shadowRoot!.querySelector('.chart-wrapper .marks')!.getBoundingClientRect();
      const [ox, oy] = view.origin();
      const found: { x: number; y: number; width: number; height: number; datum: Record<string, unknown> }[] = [];
      const plain = (datum: Record<string, unknown> | undefined) =>
        Object.fromEntries(Object.entries(datum ?? {}).filter(([, value]) => value === null || ['string', 'number', 'boolean'].includes(typeof value)));
      const visit = (mark: Mark, x: number, y: number): void => {
        for (const item of mark.items ?? []) {
          if (mark.marktype === marktype) {
            const b = item.bounds;
            found.push({
              x: surface.x + ox + x + (b.x1 + b.x2) / 2,
              y: surface.y + oy + y + (b.y1 + b.y2) / 2,
              width: b.x2 - b.x1,
              height: b.y2 - b.y1,
              datum: plain(item.datum),
            });
          }
          if (mark.marktype === 'group') for (const child of item.items ?? []) visit(child, x + (item.x ?? 0), y + (item.y ?? 0));
        }
      };
      visit(view.scenegraph().root, 0, 0);
      return found;
    }, marktype);
  }

  /** Clicks `trigger` and returns the file it downloads, with its bytes. */
  async download(trigger: () => Promise<unknown>): Promise<{ name: string; bytes: Buffer; download: Download }> {
    const [download] = await Promise.all([this.page.waitForEvent('download', { timeout: RUN_TIMEOUT }), trigger()]);
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: readFileSync(path), download };
  }

  async screenshot(name: string, fullPage = false): Promise<string> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const path = join(SCREENSHOTS, `${name}.png`);
    await this.page.screenshot({ path, fullPage });
    return path;
  }
}

/** The built page, its preview server and one browser, shared by the tests of one file. */
export class E2ESuite {
  private readonly contexts: BrowserContext[] = [];

  private constructor(
    readonly url: string,
    readonly browser: Browser,
    private readonly server: PreviewServer,
  ) {}

  /** Builds the page into test/.tmp/e2e/<name>, serves it on a free port, starts Chromium. */
  static async start(name: string): Promise<E2ESuite> {
    const outDir = join(ROOT, 'test', '.tmp', 'e2e', name);
    const config: InlineConfig = {
      configFile: VITE_CONFIG,
      root: join(ROOT, 'ui'),
      logLevel: 'warn',
      // The bundle is one big chunk (Vega); the size warning is noise here.
      build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 100_000 },
    };
    await build(config);
    // preview inherits `server.open` from the config: never open a desktop browser from a test.
    const server = await preview({ ...config, preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false } });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('vite preview did not report a local URL');
    try {
      const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
      return new E2ESuite(url, browser, server);
    } catch (error) {
      await server.close();
      throw error;
    }
  }

  /** A fresh context (empty storage) with one page, not yet navigated. */
  async newPage(): Promise<AppPage> {
    const context = await this.browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 800 } });
    this.contexts.push(context);
    await context.addInitScript(() => {
      window.__e2e = { settled: [] };
      // Whether a chart-view has a drawn Vega view (SVG or canvas renderer).
      (window as unknown as { isDrawn: (view: Element) => boolean }).isDrawn = (view) => {
        const surface = view.shadowRoot?.querySelector('.chart-wrapper > svg.marks, .chart-wrapper > canvas.marks');
        return surface != null && surface.getBoundingClientRect().width > 0 && surface.getBoundingClientRect().height > 0;
      };
      window.addEventListener('charts-settled', (event) => {
        const detail = (event as CustomEvent<{ settledMs: number; runMs: number }>).detail;
        const main = document.querySelector('sawtooth-app')?.shadowRoot?.querySelector('main');
        window.__e2e.settled.push({ settledMs: detail.settledMs, runMs: detail.runMs, busy: main?.getAttribute('aria-busy') === 'true' });
      });
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return new AppPage(page, context);
  }

  /** A fresh context with the page opened at `url` (the app's own by default) and its first charts drawn. */
  async open(url = this.url): Promise<AppPage> {
    const app = await this.newPage();
    await app.goto(url);
    return app;
  }

  /** Closes the contexts the last test opened. */
  async closeContexts(): Promise<void> {
    const open = this.contexts.splice(0);
    await Promise.all(open.map((c) => c.close().catch(() => undefined)));
  }

  async close(): Promise<void> {
    await this.closeContexts();
    await this.browser.close().catch(() => undefined);
    await this.server.close();
  }
}

/** What a test file uses of its suite: fresh pages on the built app. */
export interface SuiteHandle {
  readonly url: string;
  open(url?: string): Promise<AppPage>;
  newPage(): Promise<AppPage>;
}

/**
 * One browser and page server for a test file: started before its tests, each test's contexts
 * closed after it, everything closed at the end.
 */
export function useSuite(name: string): SuiteHandle {
  let suite: E2ESuite | undefined;
  beforeAll(async () => {
    suite = await E2ESuite.start(name);
  });
  afterEach(async () => {
    await suite?.closeContexts();
  });
  afterAll(async () => {
    await suite?.close();
  });
  return {
    get url() {
      return suite!.url;
    },
    open: (url) => suite!.open(url),
    newPage: () => suite!.newPage(),
  };
}
