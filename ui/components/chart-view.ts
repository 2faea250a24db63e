import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { failedNote } from './shared-styles.js';
import embed, { type Result } from 'vega-embed';
import type { Spec } from '../charts/common.js';
import { splitData, type SplitSpec } from '../charts/named-data.js';

/**
 * One Vega-Lite chart. Redraws when `spec` changes (only its data when its shape stays); PNG/SVG
 * export through vega-embed's menu. Charts off screen wait: on a slider move most of the page's
 * charts are below the fold, and drawing them cost the move (and the first load) more than the
 * charts one can see. A chart never drawn is drawn when it comes near the viewport or when the page
 * is next idle (`rendered` waits for it); a chart drawn and now off screen is marked stale
 * (`data-stale`, dimmed) and draws the latest spec when it comes near the viewport, or when
 * `drawPending()` asks (the exports).
 */
@customElement('chart-view')
export class ChartView extends LitElement {
  static override styles = [
    failedNote,
    css`
    :host {
      display: block;
      min-height: 120px;
    }
    .chart {
      width: 100%;
    }
    :host([data-stale]) .chart {
      opacity: 0.45;
    }
    .failed {
      font-size: 0.85rem;
    }
  `,
  ];

  @property({ attribute: false }) spec: Spec | null = null;
  /** File name (without extension) of exported images. */
  @property() name = 'chart';
  private embedded: Result | null = null;
  private rendering: Promise<void> = Promise.resolve();
  /** Whether the chart is on screen or near it (IntersectionObserver; null until it first reports). */
  private nearViewport: boolean | null = null;
  /** A spec waits to be drawn; `firstDrawn` resolves the `rendered` of a chart not drawn yet when it is. */
  private pending = false;
  private firstDrawn: ((drawing: Promise<void>) => void) | null = null;
  private idleCall: (() => void) | null = null;
  private observer: IntersectionObserver | null = null;

  /** The Vega view, for the HTML report's SVG export. Off screen it may show an older spec: `drawPending()` first. */
  get view(): Result['view'] | null {
    return this.embedded?.view ?? null;
  }

  /**
   * Resolves when the latest spec is drawn (or has failed to draw, with its message shown); for a
   * chart already drawn and now off screen, at once (its new spec is kept until it is seen). Never rejects.
   */
  get rendered(): Promise<void> {
    return this.rendering;
  }

  /** Draws a spec kept while the chart was off screen, now; resolves when the chart shows the latest spec. */
  drawPending(): Promise<void> {
    if (this.pending) this.redraw();
    return this.rendering;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A margin: a chart scrolled towards starts drawing just before it shows.
    this.observer = new IntersectionObserver(
      (entries) => {
        this.nearViewport = entries[entries.length - 1].isIntersecting;
        if (this.nearViewport && this.pending) this.redraw();
        else if (this.pending && this.embedded === null) this.whenIdle();
      },
      { rootMargin: '100px 0px' },
    );
    this.observer.observe(this);
    window.addEventListener('beforeprint', this.onBeforePrint);
  }

  /** Printing shows every chart: one kept for later is drawn now (printed dimmed if the browser does not wait for it). */
  private readonly onBeforePrint = (): void => void this.drawPending();

  override render() {
    return html`<div class="chart" role="figure" aria-label=${this.name}></div>`;
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (!changed.has('spec')) return;
    if (this.nearViewport === true) return this.redraw();
    // Off screen, or not known yet (the observer reports after the first layout): kept for later.
    this.pending = true;
    if (this.embedded !== null) {
      this.toggleAttribute('data-stale', true);
      return;
    }
    if (this.firstDrawn === null) this.rendering = new Promise((resolve) => (this.firstDrawn = (drawing) => resolve(drawing)));
    if (this.nearViewport === false) this.whenIdle();
  }

  /** A chart not drawn yet and off screen: drawn when the page is idle (the charts in view went first). */
  private whenIdle(): void {
    if (this.idleCall !== null) return;
    const draw = () => {
      this.idleCall = null;
      if (this.pending) this.redraw();
    };
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(draw);
      this.idleCall = () => cancelIdleCallback(handle);
    } else {
      const handle = setTimeout(draw, 50);
      this.idleCall = () => clearTimeout(handle);
    }
  }

  private redraw(): void {
    this.pending = false;
    this.idleCall?.();
    this.idleCall = null;
    this.toggleAttribute('data-stale', false);
    const drawing = this.draw();
    this.firstDrawn?.(drawing);
    this.firstDrawn = null;
    this.rendering = drawing;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
    this.observer = null;
    window.removeEventListener('beforeprint', this.onBeforePrint);
    this.nearViewport = null;
    // The view is let go: if the chart is shown again (a list of charts reordered), it draws its spec
    // afresh, as one kept for later; no one waits on `rendered` meanwhile.
    if (this.spec !== null) this.pending = true;
    this.idleCall?.();
    this.idleCall = null;
    this.firstDrawn?.(Promise.resolve());
    this.firstDrawn = null;
    this.embedded?.finalize();
    this.embedded = null;
    this.shapeKey = null;
  }

  private drawCount = 0;
  /** The shape (`splitData`'s key) of the spec the current view was made from, and the data it was last given. */
  private shapeKey: string | null = null;
  private shown = new Map<string, unknown[]>();

  /**
   * Draws the latest spec. A spec of the same shape as the one drawn (only its data differ) keeps the
   * Vega view and gives it the new data: compiling the spec and parsing a new view cost more than the
   * data. Another shape is drawn into a fresh element, swapped in only if no newer spec arrived
   * meanwhile, so two quick updates never leave two charts (or two action menus) stacked in one place.
   */
  private async draw(): Promise<void> {
    const draw = ++this.drawCount;
    try {
      const split = this.spec === null ? null : splitData(this.spec);
      if (split && this.embedded && split.key === this.shapeKey) await this.updateData(this.embedded.view, split.datasets);
      else await this.embedSpec(draw, split);
    } catch (error) {
      if (draw !== this.drawCount) return;
      this.embedded?.finalize();
      this.embedded = null;
      this.shapeKey = null;
      const message = document.createElement('p');
      message.className = 'failed';
      message.setAttribute('role', 'alert');
      message.textContent = `This chart could not be drawn: ${error instanceof Error ? error.message : String(error)}`;
      this.renderRoot.querySelector<HTMLElement>('.chart')!.replaceChildren(message);
    }
  }

  /** Replaces the data of the sources that changed (a new array) and runs the view. */
  private async updateData(view: Result['view'], datasets: Map<string, unknown[]>): Promise<void> {
    for (const [name, values] of datasets) {
      if (this.shown.get(name) !== values) view.data(name, values);
    }
    this.shown = datasets;
    // resize(): new data may need another size (axis labels, a panel more); the view lays itself out again.
    await view.resize().runAsync();
    this.announce();
  }

  private async embedSpec(draw: number, split: SplitSpec | null): Promise<void> {
    const container = this.renderRoot.querySelector<HTMLElement>('.chart')!;
    if (split === null) {
      this.embedded?.finalize();
      this.embedded = null;
      this.shapeKey = null;
      container.replaceChildren();
      return;
    }
    const target = document.createElement('div');
    target.style.width = '100%';
    container.append(target);
    // Specs are built by our own code from numbers and names, never from user-supplied fragments.
    // The view is made with empty named sources and given their values before it first runs.
    const result = await embed(target, split.shape, {
      actions: { export: true, source: false, compiled: false, editor: false },
      // Canvas draws thousands of points faster than SVG; SVG export still works (view.toSVG).
      renderer: 'canvas',
      downloadFileName: this.name,
      tooltip: true,
      // Empty layers (a strategy with no reorder point) make Vega warn about extents; only errors matter.
      logLevel: 1,
      // Vega's expressions are interpreted, not compiled with `new Function`: the page's
      // Content-Security-Policy forbids eval.
      ast: true,
    });
    if (draw !== this.drawCount) {
      result.finalize();
      target.remove();
      return;
    }
    for (const [name, values] of split.datasets) result.view.data(name, values);
    // Laid out again with the data: the first run (in embed) sized the canvas for empty sources.
    await result.view.resize().runAsync();
    if (draw !== this.drawCount) {
      result.finalize();
      target.remove();
      return;
    }
    this.embedded?.finalize();
    this.embedded = result;
    this.shapeKey = split.key;
    this.shown = split.datasets;
    container.replaceChildren(target);
    target.querySelector('summary')?.setAttribute('aria-label', `Save the ${this.name} chart as PNG or SVG`);
    this.announce();
  }

  /** Marks the chart drawn, for the page's `charts-settled` and the browser tests. */
  private announce(): void {
    this.setAttribute('data-rendered', String(Date.now()));
    this.dispatchEvent(new CustomEvent('chart-rendered', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chart-view': ChartView;
  }
}
