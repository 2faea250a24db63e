import { LitElement, css, html, nothing } from 'lit';
import { controlsRow, panelHost } from './shared-styles.js';
import { customElement, property, state } from 'lit/decorators.js';
import { dateText, formatNumber, mrpRecordRows, type PlanningSeries } from '../../sim/index.js';

/** A strategy's planning series (its first replication), null without forecasts or MRP. */
export interface StrategyPlanning {
  name: string;
  planning: PlanningSeries | null;
}

/**
 * The MRP record of one item at one planning run, as the table planners know: pick the strategy,
 * the item and the run (a slider over the runs; arrow keys step one run). The rows come from sim's
 * mrpRecordRows; this element only lays them out.
 */
@customElement('mrp-record')
export class MrpRecord extends LitElement {
  static override styles = [
    panelHost,
    controlsRow,
    css`
    .controls {
      margin-bottom: 0.6rem;
    }
    .run {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      flex: 1 1 18rem;
    }
    .run input {
      flex: 1;
      accent-color: #0072b2;
    }
    output {
      font-variant-numeric: tabular-nums;
      font-weight: 600;
      white-space: nowrap;
    }
    .scroll {
      overflow-x: auto;
    }
    table {
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    caption {
      text-align: left;
      color: #475569;
      padding-bottom: 0.3rem;
    }
    th,
    td {
      padding: 0.25rem 0.55rem;
      border-bottom: 1px solid #e5e7eb;
      text-align: right;
      white-space: nowrap;
    }
    thead th {
      font-weight: 600;
      border-bottom: 2px solid #cbd5e1;
    }
    th[scope='row'],
    thead th:first-child {
      text-align: left;
    }
    tbody th {
      font-weight: 500;
    }
    /* A long planning horizon scrolls sideways under the row labels. */
    th:first-child {
      position: sticky;
      left: 0;
      background: white;
    }
    .past-due {
      background: #f8fafc;
    }
    .zero {
      color: #94a3b8;
    }
    .negative,
    .expedited {
      color: #b91c1c;
      font-weight: 600;
    }
    p {
      margin: 0.4rem 0 0;
      color: #64748b;
    }
  `,
  ];

  @property({ attribute: false }) strategies: StrategyPlanning[] = [];
  /** The scenario's time unit, for the column headings. */
  @property() unit = '';
  /** The date of time 0 (time.start) when the scenario is dated: runs and buckets then show dates. */
  @property({ attribute: false }) start: string | undefined = undefined;
  /** The end of the warm-up: the first run shown is the first one after it. */
  @property({ type: Number }) warmup = 0;
  @state() private strategy = '';
  @state() private item = '';
  /** The time of the run shown; kept across new results when that run is still there. */
  @state() private runTime: number | null = null;

  override render() {
    const withRuns = this.strategies.filter((s) => (s.planning?.runs.length ?? 0) > 0);
    if (withRuns.length === 0) {
      return html`<p>No MRP items: set <code>policy: { type: mrp }</code> on an item to see its MRP record at each planning run.</p>`;
    }
    const chosen = this.strategies.find((s) => s.name === this.strategy) ?? withRuns[0];
    const planning = chosen.planning;
    const runs = planning?.runs ?? [];
    return html`<div class="controls">
        <label
          >Strategy
          <select @change=${this._onStrategy}>
            ${this.strategies.map((s) => html`<option .value=${s.name} ?selected=${s === chosen}>${s.name}</option>`)}
          </select></label
        >
        ${runs.length > 0 ? this.renderPickers(planning!) : nothing}
      </div>
      ${runs.length > 0 ? this.renderTable(chosen.name, planning!) : html`<p>No MRP items in this strategy: none of its items is planned by MRP.</p>`}`;
  }

  private renderPickers(planning: PlanningSeries) {
    const items = Object.keys(planning.runs[0].items);
    const item = items.includes(this.item) ? this.item : items[0];
    const index = this.runIndex(planning);
    const last = planning.runs.length - 1;
    const at = this.timeText(planning.runs[index].time);
    return html`<label
        >Item
        <select @change=${this._onItem}>
          ${items.map((i) => html`<option .value=${i} ?selected=${i === item}>${i}</option>`)}
        </select></label
      >
      <label class="run"
        >Planning run
        <input
          type="range"
          min="0"
          max=${last}
          step="1"
          .value=${String(index)}
          aria-valuetext=${`${at}, run ${index + 1} of ${last + 1}`}
          @input=${(e: Event) => this._onRun(planning, Number((e.target as HTMLInputElement).value))}
        />
        <output aria-hidden="true">${at} (${index + 1}/${last + 1})</output></label
      >`;
  }

  private renderTable(strategy: string, planning: PlanningSeries) {
    const items = Object.keys(planning.runs[0].items);
    const item = items.includes(this.item) ? this.item : items[0];
    const run = planning.runs[this.runIndex(planning)];
    const { times, rows } = mrpRecordRows(run.items[item], planning.bucket, run.time);
    const cell = (value: number, negative = false) =>
      html`<td class=${value === 0 ? 'zero' : negative && value < 0 ? 'negative' : ''}>${formatNumber(value)}</td>`;
    return html`<div class="scroll">
        <table>
          <caption>
            MRP record of ${item} at the planning run of ${this.timeText(run.time)} (${strategy}, first replication), in units per ${formatNumber(planning.bucket)}-${this.unit}
            bucket
          </caption>
          <thead>
            <tr>
              <th scope="col">${this.dated(0) === null ? `Bucket starting (${this.unit})` : 'Bucket starting'}</th>
              <th scope="col" class="past-due">Past due</th>
              ${times.map((t) => html`<th scope="col">${this.dated(t) ?? formatNumber(t)}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (row) =>
                html`<tr>
                  <th scope="row">${row.label}</th>
                  ${
                    row.pastDue === null
                      ? html`<td class="past-due"></td>`
                      : html`<td class="past-due ${row.pastDue > 0 ? 'expedited' : 'zero'}">${formatNumber(row.pastDue)}</td>`
                  }
                  ${row.values.map((v) => cell(v, row.key === 'projected'))}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <p>
        The past-due lot, if any, was needed before this run could release it in time: it went out at once (expedited). Later buckets are
        intentions the next run plans again.${planning.truncated ? ' Only the first planning runs and MRP items of this long run were kept.' : ''}
      </p>`;
  }

  /** The run shown: the one at the chosen time, else the first after the warm-up, else the last. */
  private runIndex(planning: PlanningSeries): number {
    const { runs } = planning;
    const chosen = this.runTime === null ? -1 : runs.findIndex((r) => r.time === this.runTime);
    if (chosen >= 0) return chosen;
    const after = runs.findIndex((r) => r.time >= this.warmup);
    return after >= 0 ? after : runs.length - 1;
  }

  private timeText(time: number): string {
    return this.dated(time) ?? `${this.unit} ${formatNumber(time)}`;
  }

  /** The date of `time` when the scenario is dated, else null. */
  private dated(time: number): string | null {
    return this.start === undefined ? null : dateText({ unit: this.unit, start: this.start }, time);
  }

  private _onStrategy(event: Event): void {
    this.strategy = (event.target as HTMLSelectElement).value;
  }

  private _onItem(event: Event): void {
    this.item = (event.target as HTMLSelectElement).value;
  }

  private _onRun(planning: PlanningSeries, index: number): void {
    this.runTime = planning.runs[index]?.time ?? null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'mrp-record': MrpRecord;
  }
}
