import { LitElement, css, html, nothing } from 'lit';
import { controlsRow, failedNote, panelHost } from './shared-styles.js';
import { customElement, property, query, state } from 'lit/decorators.js';
import {
  nodeName,
  plantDescription,
  plantFigures,
  plantGraph,
  type CompiledStrategy,
  type ExperimentResult,
  type FiguredPlantGraph,
  type FiguredPlantNode,
  type PlantEdgeKind,
  type PlantGraph,
  type Scenario,
} from '../../sim/index.js';
import { EDGE_STYLES, FONT, NODE_COLOURS, drawEdge, drawNode } from '../diagram/draw.js';
import { DrawingCache, type Drawing } from '../diagram/drawing.js';
import type { Layout } from '../diagram/layout.js';
import { canvasMeasure } from '../diagram/measure.js';
import { download } from '../export/download.js';
import { svgFile } from '../export/svg-file.js';

/** The diagram shrinks to fit the card down to this scale, where its text stays legible; a larger plant scrolls, unless the reader asks to see it whole. */
const MIN_SCALE = 0.7;

/**
 * The plant of one strategy as a diagram: suppliers, stock points, machines and customers laid out
 * left to right, each with its key figures from the results, the flows between them, a legend, the
 * plant in words (its text alternative) and an SVG download. The graph and figures come from sim;
 * this element lays them out and draws them.
 */
@customElement('plant-diagram')
export class PlantDiagram extends LitElement {
  static override styles = [
    panelHost,
    controlsRow,
    failedNote,
    css`
    .controls {
      justify-content: space-between;
      margin-bottom: 0.5rem;
    }
    .actions {
      display: flex;
      gap: 0.5rem;
    }
    button[aria-pressed='true'] {
      background: #e0f2fe;
      border-color: #0072b2;
    }
    .legend {
      display: flex;
      flex-wrap: wrap;
      gap: 0.2rem 0.9rem;
      margin: 0;
      padding: 0;
      list-style: none;
      margin-top: 0.4rem;
      color: #475569;
      font-size: 0.8rem;
    }
    .legend li {
      display: flex;
      align-items: center;
      gap: 0.3rem;
    }
    button {
      font: inherit;
      padding: 0.2rem 0.6rem;
      border-radius: 4px;
      border: 1px solid #cbd5e1;
      background: white;
      cursor: pointer;
    }
    button:focus-visible,
    select:focus-visible,
    summary:focus-visible {
      outline: 3px solid #e69f00;
      outline-offset: 1px;
    }
    /* A plant too large for the card scrolls inside it, both ways, rather than stretching the page. */
    .scroll {
      overflow: auto;
      max-height: 70vh;
      /* A frame that takes no room: the diagram's width is measured against the card's. */
      box-shadow: inset 0 0 0 1px #f1f5f9;
      border-radius: 6px;
    }
    svg.plant {
      display: block;
    }
    details {
      margin-top: 0.4rem;
      color: #334155;
    }
    summary {
      cursor: pointer;
      color: #475569;
    }
    details ul {
      margin: 0.3rem 0;
      padding-left: 1.2rem;
      overflow-wrap: anywhere;
    }
  `,
  ];

  @property({ attribute: false }) scenario: Scenario | null = null;
  @property({ attribute: false }) result: ExperimentResult | null = null;
  /** File name (without extension) of the downloaded SVG. */
  @property() name = 'plant';
  @state() private strategy = '';
  /** The width the diagram may take before it shrinks; 0 until measured. */
  @state() private available = 0;
  /** True when the reader asked to see a plant too large for the card whole, shrunk below the legible scale. */
  @state() private whole = false;
  @query('svg.plant') private drawn!: SVGSVGElement | null;
  @query('.scroll') private scroller!: HTMLElement | null;
  /** The layout drawn last, and the one the scroll position was set for. */
  private shown: Layout | null = null;
  private scrolledFor: Layout | null = null;

  private readonly measure = canvasMeasure();
  private readonly drawings = new DrawingCache();
  private readonly graphs = new WeakMap<CompiledStrategy, PlantGraph>();
  private readonly resize = new ResizeObserver(([entry]) => {
    this.available = Math.floor(entry.contentRect.width);
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
  }

  /** The diagram as standalone SVG markup (drawn at full size), for the download and the HTML report; null before it is drawn. */
  svgText(): string | null {
    return this.drawn ? svgFile(this.drawn) : null;
  }

  override render() {
    const { scenario, result } = this;
    if (!scenario || !result) return nothing;
    const strategies = result.strategies.map((s) => s.name).filter((s) => Object.hasOwn(scenario.compiled, s));
    if (strategies.length === 0) return nothing;
    const chosen = strategies.includes(this.strategy) ? this.strategy : strategies[0];
    let graph: FiguredPlantGraph;
    let drawing: Drawing;
    try {
      graph = plantFigures(this.graphOf(scenario.compiled[chosen]), result, chosen, scenario.currency);
      drawing = this.drawings.drawingOf(graph, this.measure);
    } catch (error) {
      // The rest of the page stands: the diagram says why it is missing.
      return html`<p class="failed" role="alert">The plant could not be drawn: ${error instanceof Error ? error.message : String(error)}</p>`;
    }
    const { boxes, layout } = drawing;
    const fit = this.available > 0 ? Math.min(1, this.available / layout.width) : 1;
    const large = fit < MIN_SCALE;
    const scale = large && !this.whole ? MIN_SCALE : fit;
    // Kept for updated(), which sets the scroll position once per new layout.
    this.shown = layout;
    const words = plantDescription(graph);
    return html`<div class="controls">
        ${
          strategies.length > 1
            ? html`<label
                >Strategy
                <select @change=${this._onStrategy}>
                  ${strategies.map((s) => html`<option .value=${s} ?selected=${s === chosen}>${s}</option>`)}
                </select></label
              >`
            : html`<span></span>`
        }
        <span class="actions">
          ${
            large
              ? html`<button aria-pressed=${this.whole} @click=${() => (this.whole = !this.whole)}
                  title=${this.whole ? 'Show the plant at a legible size; scroll to see all of it' : 'Shrink the plant to fit the card'}>Whole plant</button>`
              : nothing
          }
          <button @click=${this._onDownload} title="Save this diagram as an SVG file">Save as SVG</button>
        </span>
      </div>
      <div class="scroll">
        <svg
          class="plant"
          xmlns="http://www.w3.org/2000/svg"
          role="img"
          aria-label=${this.summary(chosen, graph.nodes, graph.edges.length)}
          aria-describedby="plant-words"
          viewBox=${`0 0 ${layout.width} ${layout.height}`}
          width=${Math.floor(layout.width * scale)}
          height=${Math.floor(layout.height * scale)}
          data-width=${Math.ceil(layout.width)}
          data-height=${Math.ceil(layout.height)}
          font-family=${FONT}
        >
          <rect width=${layout.width} height=${layout.height} fill="white" />
          ${graph.edges.map((e, i) => drawEdge(e, layout.edges[i]))}
          ${graph.nodes.map((n) => drawNode(n, boxes.get(n.id)!, layout.nodes.get(n.id)!, tooltip(n)))}
        </svg>
      </div>
      ${this.legend(graph.nodes, new Set(graph.edges.map((e) => e.kind)))}
      <details id="plant-words">
        <summary>The plant in words (${chosen})</summary>
        <ul aria-label="Stock points, machines and customers">
          ${words.nodes.map((s) => html`<li>${s}</li>`)}
        </ul>
        <ul aria-label="Flows">
          ${words.flows.map((s) => html`<li>${s}</li>`)}
        </ul>
      </details>`;
  }

  /** A new plant taller than its box opens at its middle, where a fan-out's source is, rather than at the top of its branches. */
  protected override updated(): void {
    if (this.shown === this.scrolledFor || !this.scroller) return;
    this.scrolledFor = this.shown;
    const { scrollHeight, clientHeight } = this.scroller;
    this.scroller.scrollTop = scrollHeight > clientHeight ? (scrollHeight - clientHeight) / 2 : 0;
  }

  private graphOf(compiled: CompiledStrategy): PlantGraph {
    let graph = this.graphs.get(compiled);
    if (graph === undefined) {
      graph = plantGraph(compiled);
      this.graphs.set(compiled, graph);
    }
    return graph;
  }

  /** The diagram's accessible name: what it shows, counted; the list of the plant in words describes it. */
  private summary(strategy: string, nodes: FiguredPlantNode[], flows: number): string {
    const count = (kind: FiguredPlantNode['kind'], one: string, many: string) => {
      const n = nodes.filter((node) => node.kind === kind).length;
      return n === 0 ? [] : [`${n} ${n === 1 ? one : many}`];
    };
    const parts = [...count('supplier', 'supplier', 'suppliers'), ...count('stock', 'stock point', 'stock points'), ...count('machine', 'machine', 'machines')];
    return `Plant diagram of ${strategy}: ${parts.join(', ')}${nodes.some((n) => n.kind === 'customers') ? ', customers' : ''}; ${flows} flow${flows === 1 ? '' : 's'}`;
  }

  private legend(nodes: FiguredPlantNode[], kinds: Set<PlantEdgeKind>) {
    const swatch = (kind: PlantEdgeKind) => {
      const style = EDGE_STYLES[kind];
      return html`<svg width="26" height="10" aria-hidden="true"
        ><line x1="1" y1="5" x2="25" y2="5" stroke=${style.stroke} stroke-width=${style.width} stroke-dasharray=${style.dash ?? nothing}
      /></svg>`;
    };
    const box = (kind: 'stock' | 'machine') =>
      html`<svg width="16" height="12" aria-hidden="true"><rect x="1" y="1" width="14" height="10" rx="2" fill=${NODE_COLOURS[kind].band ?? 'white'}
        stroke=${NODE_COLOURS[kind].stroke} stroke-width="1.5" /></svg>`;
    const has = (kind: FiguredPlantNode['kind']) => nodes.some((n) => n.kind === kind);
    return html`<ul class="legend" aria-label="Legend">
      ${has('stock') ? html`<li>${box('stock')}stock point</li>` : nothing}
      ${has('machine') ? html`<li>${box('machine')}machine</li>` : nothing}
      ${(Object.keys(EDGE_STYLES) as PlantEdgeKind[]).filter((k) => kinds.has(k)).map((k) => html`<li>${swatch(k)}${EDGE_STYLES[k].legend}</li>`)}
    </ul>`;
  }

  private _onStrategy(event: Event): void {
    this.strategy = (event.target as HTMLSelectElement).value;
  }

  private _onDownload(): void {
    const text = this.svgText();
    if (text !== null) download(`${this.name}-plant.svg`, `<?xml version="1.0" encoding="UTF-8"?>\n${text}\n`, 'image/svg+xml');
  }
}

/** What hovering a node says: its whole name, its policy and notes, each figure with its interval, its warnings. */
function tooltip(node: FiguredPlantNode): string {
  const lines = [
    nodeName(node),
    node.policy?.summary ?? '',
    ...node.notes,
    ...node.figures.map((f) => `${f.label}: ${f.estimate}`),
    ...node.warnings.map((w) => `⚠ ${w}`),
  ];
  return lines.filter((l) => l !== '').join('\n');
}

declare global {
  interface HTMLElementTagNameMap {
    'plant-diagram': PlantDiagram;
  }
}
