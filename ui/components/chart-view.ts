import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import embed, { type Result } from 'vega-embed';
import type { Spec } from '../charts/common.js';

/** One Vega-Lite chart. Re-renders when `spec` changes; PNG/SVG export through vega-embed's menu. */
@customElement('chart-view')
export class ChartView extends LitElement {
  static override styles = css`
    :host {
      display: block;
      min-height: 120px;
    }
    .chart {
      width: 100%;
    }
    .failed {
      margin: 0;
      padding: 0.5rem 0.7rem;
      background: #fef2f2;
      border: 1px solid #fecaca;
      border-radius: 6px;
      color: #7f1d1d;
      font-size: 0.85rem;
    }
  `;

  @property({ attribute: false }) spec: Spec | null = null;
  /** File name (without extension) of exported images. */
  @property() name = 'chart';
  private embedded: Result | null = null;
  private rendering: Promise<void> = Promise.resolve();

  /** The Vega view, for the HTML report's SVG export. */
  get view(): Result['view'] | null {
    return this.embedded?.view ?? null;
  }

  /** Resolves when the latest spec is drawn (or has failed to draw, with its message shown); never rejects. */
  get rendered(): Promise<void> {
    return this.rendering;
  }

  override render() {
    return html`<div class="chart" role="figure" aria-label=${this.name}></div>`;
  }

  protected override updated(changed: Map<string, unknown>): void {
    if (changed.has('spec')) this.rendering = this.draw();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.embedded?.finalize();
    this.embedded = null;
  }

  private drawCount = 0;

  /**
   * Draws into a fresh element and swaps it in only if no newer spec arrived meanwhile, so two
   * quick updates never leave two charts (or two action menus) stacked in one place.
   */
  private async draw(): Promise<void> {
    const draw = ++this.drawCount;
    try {
      await this.embedSpec(draw);
    } catch (error) {
      if (draw !== this.drawCount) return;
      this.embedded?.finalize();
      this.embedded = null;
      const message = document.createElement('p');
      message.className = 'failed';
      message.setAttribute('role', 'alert');
      message.textContent = `This chart could not be drawn: ${error instanceof Error ? error.message : String(error)}`;
      this.renderRoot.querySelector<HTMLElement>('.chart')!.replaceChildren(message);
    }
  }

  private async embedSpec(draw: number): Promise<void> {
    const container = this.renderRoot.querySelector<HTMLElement>('.chart')!;
    if (this.spec === null) {
      this.embedded?.finalize();
      this.embedded = null;
      container.replaceChildren();
      return;
    }
    const target = document.createElement('div');
    target.style.width = '100%';
    container.append(target);
    // Specs are built by our own code from numbers and names, never from user-supplied fragments.
    const result = await embed(target, this.spec, {
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
    this.embedded?.finalize();
    this.embedded = result;
    container.replaceChildren(target);
    target.querySelector('summary')?.setAttribute('aria-label', `Save the ${this.name} chart as PNG or SVG`);
    this.setAttribute('data-rendered', String(Date.now()));
    this.dispatchEvent(new CustomEvent('chart-rendered', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chart-view': ChartView;
  }
}
