import { LitElement, css, html, nothing, svg } from 'lit';
import { controlsRow, failedNote, panelHost } from '../components/shared-styles.js';
import { customElement, property, query, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import {
  nodeName,
  plantGraph,
  replayFrame,
  replayStrategies,
  timeMs,
  type CompiledStrategy,
  type ExperimentResult,
  type ReplayFrame,
  type Scenario,
} from '../../sim/index.js';
import { REPLAY_SIGNAL, replayTimelineSpec } from '../charts/replay-timeline-spec.js';
import { FONT, drawEdge, drawNode } from '../diagram/draw.js';
import { DrawingCache, type Drawing } from '../diagram/drawing.js';
import { canvasMeasure } from '../diagram/measure.js';
import { blankFigures, replayMarks, type ReplayPlant } from '../diagram/replay-marks.js';
import { replayPlant } from '../diagram/replay-marks.js';
import '../components/chart-view.js';
import type { ChartView } from '../components/chart-view.js';

/** Playing speeds, in the scenario's time units per second. */
const SPEEDS = [1, 5, 25, 100];
/** The diagram shrinks to fit the card down to this scale, where its text stays legible; a larger plant scrolls (as the plant card does). */
const MIN_SCALE = 0.7;
/** A frame's step of play is cut at this (a tab in the background, a slow frame): time jumps no more than this much wall time at once. */
const MAX_TICK_S = 0.25;

/** The still part of a strategy's replay: its plant with rows sized for the run, laid out once. */
interface Still {
  plant: ReplayPlant;
  drawing: Drawing;
}

/**
 * A time scrubber over the first replication: the plant diagram with each stock level, queue and
 * machine state at the instant chosen, and the machines' Gantt chart with a rule at it; play and
 * pause at a chosen speed. sim's replayFrame reads the instant; this element draws it. A move of the
 * scrubber redraws only the numbers and the rule (once per animation frame): the layout and the
 * chart's spec are made once per strategy.
 */
@customElement('replay-panel')
export class ReplayPanel extends LitElement {
  static override styles = [
    panelHost,
    controlsRow,
    failedNote,
    css`
    .controls {
      margin-bottom: 0.3rem;
    }
    .time {
      font-variant-numeric: tabular-nums;
      font-weight: 600;
      min-width: 14rem;
    }
    input[type='range'] {
      width: 100%;
      margin: 0.2rem 0 0.5rem;
    }
    button,
    select {
      font: inherit;
    }
    button {
      padding: 0.2rem 0.8rem;
      border-radius: 4px;
      border: 1px solid #cbd5e1;
      background: white;
      cursor: pointer;
      min-width: 4.5rem;
    }
    button:focus-visible,
    select:focus-visible,
    input:focus-visible,
    summary:focus-visible {
      outline: 3px solid #e69f00;
      outline-offset: 1px;
    }
    .scroll {
      overflow: auto;
      max-height: 70vh;
      box-shadow: inset 0 0 0 1px #f1f5f9;
      border-radius: 6px;
    }
    svg.replay {
      display: block;
    }
    .notes {
      margin: 0.4rem 0;
      padding-left: 1.2rem;
      color: #475569;
      font-size: 0.8rem;
    }
    details {
      margin: 0.3rem 0 0.6rem;
      color: #334155;
    }
    summary {
      cursor: pointer;
      color: #475569;
    }
    table {
      border-collapse: collapse;
      margin-top: 0.3rem;
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      padding: 0.1rem 0.7rem 0.1rem 0;
      text-align: left;
    }
    td.number {
      text-align: right;
    }
  `,
  ];

  @property({ attribute: false }) scenario: Scenario | null = null;
  @property({ attribute: false }) result: ExperimentResult | null = null;
  /** File name (without extension) of the Gantt chart's exports. */
  @property() name = 'replay';
  @state() private strategy = '';
  /** The instant shown, in the scenario's time units. */
  @state() private time = 0;
  @state() private playing = false;
  /** Time units per second of play; 0 until the reader picks one (then one that plays the run in about half a minute). */
  @state() private speed = 0;
  @query('chart-view') private chart!: ChartView | null;
  /** The width the diagram may take before it shrinks; 0 until measured. */
  @state() private available = 0;
  private readonly resize = new ResizeObserver(([entry]) => {
    this.available = Math.floor(entry.contentRect.width);
  });

  private readonly measure = canvasMeasure();
  private readonly drawings = new DrawingCache();
  private still: { key: [CompiledStrategy, ExperimentResult, string]; value: Still } | null = null;
  private timeline: { key: [ExperimentResult, string]; value: ReturnType<typeof replayTimelineSpec> } | null = null;
  /** The animation frame that plays, and the one that applies the scrubber's latest value. */
  private playFrame = 0;
  private lastTick = 0;
  private scrubFrame = 0;
  private scrubTo = 0;
  /** The rule's position the chart was last given, and whether the chart is busy drawing it. */
  private ruleAt: number | null = null;
  private ruleRunning = false;

  /**
   * Whether the card is on screen or near it. Off screen, new results wait until it comes into view:
   * a frame, the diagram's layout and the Gantt chart cost the page's thread on every slider move,
   * for a card nobody is looking at.
   */
  private onScreen = false;
  private waiting = false;
  private readonly sight = new IntersectionObserver(
    ([entry]) => {
      this.onScreen = entry.isIntersecting;
      if (this.onScreen && this.waiting) {
        this.waiting = false;
        this.requestUpdate();
      }
    },
    { rootMargin: '400px' },
  );

  override connectedCallback(): void {
    super.connectedCallback();
    this.resize.observe(this);
    this.sight.observe(this);
  }

  protected override shouldUpdate(): boolean {
    if (this.onScreen || this.playing) return true;
    this.waiting = true;
    return false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize.disconnect();
    this.sight.disconnect();
    this.stop();
    cancelAnimationFrame(this.scrubFrame);
    this.scrubFrame = 0;
  }

  override render() {
    const { scenario, result } = this;
    if (!scenario || !result) return nothing;
    const strategies = replayStrategies(result).filter((s) => Object.hasOwn(scenario.compiled, s));
    if (strategies.length === 0) return html`<p>This run kept nothing to replay.</p>`;
    const chosen = strategies.includes(this.strategy) ? this.strategy : strategies[0];
    const compiled = scenario.compiled[chosen];
    const { horizon, unit } = result.time;
    const time = Math.min(horizon, Math.max(0, this.time));
    let frame: ReplayFrame;
    let still: Still;
    try {
      frame = replayFrame(result, chosen, time, compiled);
      still = this.stillOf(compiled, result, chosen);
    } catch (error) {
      return html`<p class="failed" role="alert">The replay could not be drawn: ${error instanceof Error ? error.message : String(error)}</p>`;
    }
    const { layout } = still.drawing;
    const scale = Math.max(MIN_SCALE, this.available > 0 ? Math.min(1, this.available / layout.width) : 1);
    const speed = this.speed || defaultSpeed(horizon);
    const spec = this.timelineOf(result, chosen);
    return html`<div class="controls">
        ${
          strategies.length > 1
            ? html`<label
                >Strategy
                <select @change=${this._onStrategy}>
                  ${strategies.map((s) => html`<option .value=${s} ?selected=${s === chosen}>${s}</option>`)}
                </select></label
              >`
            : nothing
        }
        <button class="play" @click=${this._onPlay}>${this.playing ? 'Pause' : 'Play'}</button>
        <label
          >Speed
          <select class="speed" @change=${this._onSpeed}>
            ${SPEEDS.map((s) => html`<option .value=${String(s)} ?selected=${s === speed}>${s} ${unit}${s === 1 ? '' : 's'} a second</option>`)}
          </select></label
        >
        <output class="time" data-time=${frame.time}>${frame.timeText}</output>
      </div>
      <input
        type="range"
        class="scrubber"
        min="0"
        max=${horizon}
        step=${niceStep(horizon / 400)}
        .value=${String(time)}
        aria-label="Time in the first replication"
        aria-valuetext=${frame.timeText}
        @input=${this._onScrub}
        @keydown=${this._onKey}
      />
      <div class="scroll">
        <svg
          class="replay"
          xmlns="http://www.w3.org/2000/svg"
          role="img"
          aria-label=${`Plant of ${chosen} at ${frame.timeText}; the numbers are listed below`}
          viewBox=${`0 0 ${layout.width} ${layout.height}`}
          width=${Math.floor(layout.width * scale)}
          height=${Math.floor(layout.height * scale)}
          font-family=${FONT}
          data-time=${frame.time}
          data-buckets=${result.strategies.find((s) => s.name === chosen)?.series?.replay?.buckets ?? nothing}
        >
          ${guard([still], () => stillSvg(still))} ${replayMarks(still.plant, still.drawing, frame)}
        </svg>
      </div>
      ${frame.notes.length > 0 ? html`<ul class="notes">${frame.notes.map((n) => html`<li>${n}</li>`)}</ul>` : nothing} ${this.numbers(frame)}
      ${
        spec === null
          ? nothing
          : html`<chart-view id="chart-replay-timeline" name=${`${this.name}-replay`} .spec=${spec} @chart-rendered=${this._onChartRendered}></chart-view>`
      }`;
  }

  protected override updated(): void {
    this.moveRule();
  }

  /** The numbers of the frame as a table: what the diagram shows, with the range of each level not known exactly. */
  private numbers(frame: ReplayFrame) {
    const items = Object.entries(frame.items);
    const machines = Object.entries(frame.machines);
    return html`<details class="numbers">
      <summary>Numbers at ${frame.timeText}</summary>
      <table>
        <thead><tr><th>Stock point</th><th>on hand</th><th>range in its bucket</th><th>backlog</th></tr></thead>
        <tbody>
          ${items.map(
            ([name, item]) =>
              html`<tr><td>${name}</td><td class="number">${item.onHand.text}</td><td class="number">${item.onHand.range || 'exact'}</td>
                <td class="number">${item.backorders?.text ?? '—'}</td></tr>`,
          )}
        </tbody>
      </table>
      ${
        machines.length === 0
          ? nothing
          : html`<table>
            <thead><tr><th>Machine</th><th>state</th><th>queue (units)</th><th>range in its bucket</th></tr></thead>
            <tbody>
              ${machines.map(
                ([name, m]) =>
                  html`<tr><td>${name}</td><td>${m.stateText}</td><td class="number">${m.queue.text}</td><td class="number">${m.queue.range || 'exact'}</td></tr>`,
              )}
            </tbody>
          </table>`
      }
    </details>`;
  }

  /** The plant of a strategy for its replay, laid out once per scenario, results and strategy. */
  private stillOf(compiled: CompiledStrategy, result: ExperimentResult, strategy: string): Still {
    const key: [CompiledStrategy, ExperimentResult, string] = [compiled, result, strategy];
    if (this.still && this.still.key.every((k, i) => k === key[i])) return this.still.value;
    const plant = replayPlant(plantGraph(compiled), compiled, result, strategy);
    const value = { plant, drawing: this.drawings.drawingOf(plant.graph, this.measure) };
    this.still = { key, value };
    return value;
  }

  private timelineOf(result: ExperimentResult, strategy: string): ReturnType<typeof replayTimelineSpec> {
    if (this.timeline && this.timeline.key[0] === result && this.timeline.key[1] === strategy) return this.timeline.value;
    const value = replayTimelineSpec(result, strategy);
    this.timeline = { key: [result, strategy], value };
    this.ruleAt = null;
    return value;
  }

  /** Gives the Gantt chart's rule the time shown, through its signal; one update at a time, the latest winning. */
  private moveRule(): void {
    const view = this.chart?.view;
    const result = this.result;
    if (!view || !result || this.ruleRunning) return;
    const time = Math.min(result.time.horizon, Math.max(0, this.time));
    const at = timeMs(result.time, time) ?? time;
    if (at === this.ruleAt) return;
    this.ruleAt = at;
    this.ruleRunning = true;
    view
      .signal(REPLAY_SIGNAL, at)
      .runAsync()
      .catch(() => undefined)
      .finally(() => {
        this.ruleRunning = false;
        this.moveRule();
      });
  }

  private stop(): void {
    cancelAnimationFrame(this.playFrame);
    this.playFrame = 0;
    this.playing = false;
  }

  private readonly tick = (now: number): void => {
    const result = this.result;
    if (!result) return this.stop();
    const seconds = this.lastTick === 0 ? 0 : Math.min(MAX_TICK_S, (now - this.lastTick) / 1000);
    this.lastTick = now;
    const horizon = result.time.horizon;
    this.time = Math.min(horizon, this.time + seconds * (this.speed || defaultSpeed(horizon)));
    if (this.time >= horizon) return this.stop();
    this.playFrame = requestAnimationFrame(this.tick);
  };

  private _onPlay(): void {
    if (this.playing) return this.stop();
    const horizon = this.result?.time.horizon ?? 0;
    // Played from the end, the run starts again.
    if (this.time >= horizon) this.time = 0;
    this.playing = true;
    this.lastTick = 0;
    this.playFrame = requestAnimationFrame(this.tick);
  }

  private _onScrub(event: Event): void {
    this.scrubTo = Number((event.target as HTMLInputElement).value);
    // Drags fire faster than the screen draws: the latest value is shown at the next frame.
    this.scrubFrame ||= requestAnimationFrame(() => {
      this.scrubFrame = 0;
      this.time = this.scrubTo;
    });
  }

  /** Home and End go to the run's very ends, which the scrubber's steps may not land on. */
  private _onKey(event: KeyboardEvent): void {
    if (event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    this.time = event.key === 'Home' ? 0 : (this.result?.time.horizon ?? 0);
  }

  private _onSpeed(event: Event): void {
    this.speed = Number((event.target as HTMLSelectElement).value);
  }

  private _onStrategy(event: Event): void {
    this.strategy = (event.target as HTMLSelectElement).value;
  }

  /** A new chart (another strategy, new results) starts with its rule at 0: give it the time shown. */
  private _onChartRendered(): void {
    this.ruleAt = null;
    this.moveRule();
  }
}

/** The plant without a frame's numbers: flows, boxes and row labels, drawn once per strategy. */
function stillSvg({ plant, drawing }: Still) {
  const graph = blankFigures(plant.graph);
  const { layout, boxes } = drawing;
  return svg`<rect width=${layout.width} height=${layout.height} fill="white" />
    ${graph.edges.map((e, i) => drawEdge(e, layout.edges[i]))}
    ${graph.nodes.map((n) => drawNode(n, boxes.get(n.id)!, layout.nodes.get(n.id)!, nodeName(n)))}`;
}

/** The speed that plays a run of `horizon` in about half a minute, of SPEEDS. */
function defaultSpeed(horizon: number): number {
  const wanted = horizon / 30;
  return SPEEDS.reduce((best, s) => (Math.abs(Math.log(s / wanted)) < Math.abs(Math.log(best / wanted)) ? s : best));
}

/** 1, 2 or 5 times a power of ten, near `x`: the scrubber's step (an arrow key moves by one). */
function niceStep(x: number): number {
  if (!(x > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(x));
  const m = x / power;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * power;
}

declare global {
  interface HTMLElementTagNameMap {
    'replay-panel': ReplayPanel;
  }
}
