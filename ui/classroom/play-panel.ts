import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { chainStages, formatNumber, orderProblem, playTurn, type PlayDebrief, type PlayState, type PlayTurn, type Scenario } from '../../sim/index.js';
import type { Spec } from '../charts/common.js';
import { playBullwhipSpec, playOrdersSpec, playStockSpec } from '../charts/play-spec.js';
import '../components/chart-view.js';

/**
 * Play one stage of the scenario (its `play` block): each turn shows the stage's stock, backlog,
 * supply line and what came in, and asks for the order; the game is the list of orders given so
 * far, replayed by the simulation (playTurn) on every change, so it is saved and shared as that
 * list. After the last turn, the debrief: the player against the stage's policy on the same demand.
 * The app keeps the orders: this panel only asks for changes (`play-change`, the new list, or null
 * to leave the game) and for a link (`play-share`).
 */
@customElement('play-panel')
export class PlayPanel extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-size: 0.9rem;
    }
    p {
      margin: 0.4rem 0;
    }
    h3 {
      margin: 0.2rem 0 0.5rem;
      font-size: 1.05rem;
      /* Focus scrolls it into view: below the page's sticky header, not under it. */
      scroll-margin-top: calc(var(--header-height, 4rem) + 0.75rem);
    }
    h3:focus-visible,
    button:focus-visible,
    input:focus-visible,
    summary:focus-visible {
      outline: 3px solid #2563eb;
      outline-offset: 2px;
    }
    .figures {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(10.5rem, 1fr));
      gap: 0.5rem;
      margin: 0.6rem 0;
    }
    .figures div {
      background: #f8fafc;
      border: 1px solid #e2e8f0;
      border-radius: 6px;
      padding: 0.4rem 0.6rem;
    }
    .figures dt {
      color: #475569;
      font-size: 0.8rem;
    }
    .figures dd {
      margin: 0.1rem 0 0;
      font-size: 1.25rem;
      font-variant-numeric: tabular-nums;
    }
    .figures .backlog dd {
      color: #b91c1c;
    }
    form {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      margin: 0.6rem 0 0.3rem;
    }
    label {
      font-weight: 600;
    }
    input {
      width: 8rem;
      font-size: 1.1rem;
      padding: 0.3rem 0.4rem;
    }
    button {
      font: inherit;
      padding: 0.3rem 0.8rem;
    }
    .hint,
    .note {
      color: #64748b;
      font-size: 0.82rem;
    }
    .problem {
      color: #b91c1c;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 0.6rem;
    }
    .sr-only {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    table {
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
      margin: 0.5rem 0;
    }
    th,
    td {
      padding: 0.2rem 0.6rem;
      text-align: right;
      border-bottom: 1px solid #e2e8f0;
    }
    th:first-child,
    td:first-child {
      text-align: left;
    }
    .summary p {
      font-size: 0.95rem;
    }
    chart-view {
      margin: 0.6rem 0;
    }
    details {
      margin-top: 0.5rem;
    }
  `;

  /** The scenario the page shows (it has a `play` block, or the panel shows nothing). */
  @property({ attribute: false }) scenario: Scenario | null = null;
  /** The orders given so far; null before the game starts. */
  @property({ attribute: false }) orders: number[] | null = null;

  @query('input#order') private input!: HTMLInputElement | null;
  @query('h3.debrief') private debriefHeading!: HTMLElement | null;

  /** The game as the simulation replays it, or why it cannot go on. */
  private state: PlayState | null = null;
  private failure: string | null = null;
  private specs: { orders: Spec; stock: Spec; bullwhip: Spec } | null = null;
  /** What the order box says is wrong with what was typed; null when nothing is. */
  private typedProblem: string | null = null;
  /** Set by a key press or a click of the player: focus follows the game (the order box, the debrief, or the start). */
  private moveFocus = false;
  /** True once "Share this game" was pressed for the game shown. */
  private shared = false;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('scenario') && !changed.has('orders')) return;
    this.state = null;
    this.failure = null;
    this.specs = null;
    if (this.scenario?.play == null || this.orders === null) return;
    try {
      this.state = playTurn(this.scenario, this.orders);
      if (this.state.kind === 'over') {
        const { unit } = this.scenario.time;
        this.specs = {
          orders: playOrdersSpec(this.state, unit),
          stock: playStockSpec(this.state, unit),
          bullwhip: playBullwhipSpec(this.state, chainStages(this.scenario)),
        };
      }
    } catch (error) {
      this.failure = error instanceof Error ? error.message : String(error);
    }
  }

  protected override updated(): void {
    if (!this.moveFocus) return;
    this.moveFocus = false;
    if (this.input) {
      this.input.value = '';
      this.input.focus();
    } else if (this.debriefHeading) this.debriefHeading.focus();
    else this.renderRoot.querySelector<HTMLButtonElement>('button.start')?.focus();
  }

  override render() {
    const play = this.scenario?.play;
    if (!play) return nothing;
    if (this.orders === null) return this.renderStart(play.item, play.strategy, play.turns);
    if (this.failure !== null) {
      return html`<p class="problem" role="alert">The game cannot go on: ${this.failure}.</p>
        <div class="actions"><button @click=${this.restart}>Start again</button></div>`;
    }
    if (this.state === null) return nothing;
    return this.state.kind === 'turn' ? this.renderTurn(this.state) : this.renderDebrief(this.state);
  }

  private renderStart(item: string, strategy: string, turns: number) {
    const unit = this.scenario!.time.unit;
    return html`<p>
        Take the ${item}’s decisions yourself for ${turns} turns: each ${unit} you see its stock, backlog, supply line and the orders that came in,
        and decide how much to order. Every other stage follows “${strategy}”. Afterwards, a debrief on the same demand puts your orders and
        cost beside what the ${item}’s policy did.
      </p>
      <div class="actions"><button class="start" @click=${this.start}>Play the ${item}</button></div>`;
  }

  private renderTurn(turn: PlayTurn) {
    const { unit, warmup } = this.scenario!.time;
    const play = this.scenario!.play!;
    const title = `${this.turnName(play.every)} ${turn.period} of ${turn.periods}`;
    const n = formatNumber;
    const money = (value: number) => `${n(value)} ${this.scenario!.currency}`;
    const last = turn.period === 1 ? `before the first ${unit}` : `last ${unit}`;
    const said =
      `${title}. On hand ${n(turn.onHand)}, backlog ${n(turn.backlog)}, supply line ${n(turn.supplyLine)}; ` +
      `orders received ${last} ${n(turn.incomingOrders)}, shipment received ${n(turn.lastShipment)}.`;
    return html`<h3 class="turn">${title}${play.every === 1 ? nothing : html` <span class="note">(${unit} ${n(turn.time)})</span>`}</h3>
      <p class="sr-only" aria-live="polite">${said}</p>
      <dl class="figures">
        <div><dt>On hand</dt><dd data-figure="onHand">${n(turn.onHand)}</dd></div>
        <div class=${turn.backlog > 0 ? 'backlog' : ''}><dt>Backlog (owed to your customers)</dt><dd data-figure="backlog">${n(turn.backlog)}</dd></div>
        <div><dt>Supply line (ordered, not yet received)</dt><dd data-figure="supplyLine">${n(turn.supplyLine)}</dd></div>
        <div><dt>Orders received ${last}</dt><dd data-figure="incomingOrders">${n(turn.incomingOrders)}</dd></div>
        <div><dt>Shipment received ${last}</dt><dd data-figure="lastShipment">${n(turn.lastShipment)}</dd></div>
        <div><dt>Cost of the ${turn.item} so far</dt><dd data-figure="stageCost">${money(turn.stageCost)}</dd></div>
        <div><dt>Cost of the whole chain so far</dt><dd data-figure="chainCost">${money(turn.chainCost)}</dd></div>
      </dl>
      <form @submit=${this.submit} novalidate>
        <label for="order">Your order (units)</label>
        <input id="order" type="number" min="0" step="1" inputmode="decimal" autocomplete="off" required
          aria-describedby="order-hint order-problem" aria-invalid=${this.typedProblem === null ? 'false' : 'true'} @input=${this.typed} />
        <button type="submit">Order</button>
      </form>
      <p class="hint" id="order-hint">Type a number and press Enter (0 orders nothing). What you order arrives after the order and shipping delays.</p>
      <p class="problem" id="order-problem" role="alert">${this.typedProblem ?? nothing}</p>
      ${warmup > 0 ? html`<p class="note">Costs leave out the warm-up (${warmup === 1 ? `the first ${unit}` : `the first ${n(warmup)} ${unit}s`}, time.warmup), as the results do.</p>` : nothing}
      <div class="actions">
        ${turn.period > 1 ? html`<button @click=${this.undo}>Take back the last order</button>` : nothing}
        <button @click=${this.restart}>Start again</button>
        <button @click=${this.leave}>Leave the game</button>
      </div>`;
  }

  private renderDebrief(debrief: PlayDebrief) {
    const currency = this.scenario!.currency;
    const money = (value: number) => `${formatNumber(value)} ${currency}`;
    const { player, policy } = debrief.totals;
    const unit = this.scenario!.time.unit;
    return html`<h3 class="debrief" tabindex="-1">Debrief: you against the ${debrief.item}’s policy (“${debrief.strategy}”)</h3>
      <div class="summary" aria-live="polite">${debrief.summary.map((s) => html`<p>${s}</p>`)}</div>
      <table class="totals">
        <thead><tr><th scope="col"></th><th scope="col">You</th><th scope="col">Policy</th></tr></thead>
        <tbody>
          <tr><th scope="row">Cost of the ${debrief.item}</th><td>${money(player.stageCost)}</td><td>${money(policy.stageCost)}</td></tr>
          <tr><th scope="row">Cost of the whole chain</th><td>${money(player.chainCost)}</td><td>${money(policy.chainCost)}</td></tr>
          <tr><th scope="row">Bullwhip of the ${debrief.item}</th><td>${formatNumber(player.bullwhip)}</td><td>${formatNumber(policy.bullwhip)}</td></tr>
        </tbody>
      </table>
      <chart-view id="chart-play" name="play-${debrief.item}-orders" .spec=${this.specs?.orders ?? null}></chart-view>
      <chart-view id="chart-play-stock" name="play-${debrief.item}-stock" .spec=${this.specs?.stock ?? null}></chart-view>
      <chart-view id="chart-play-bullwhip" name="play-bullwhip" .spec=${this.specs?.bullwhip ?? null}></chart-view>
      <details>
        <summary>${unit[0].toUpperCase()}${unit.slice(1)} by ${unit}</summary>
        <table class="periods">
          <thead>
            <tr><th scope="col">${unit}</th><th scope="col">your order</th><th scope="col">policy’s</th><th scope="col">your net stock</th><th scope="col">policy’s</th><th scope="col">your cost</th><th scope="col">policy’s</th></tr>
          </thead>
          <tbody>
            ${debrief.periods.map(
              (p) => html`<tr><td>${p.period}</td><td>${formatNumber(p.player.order)}</td><td>${formatNumber(p.policy.order)}</td>
                <td>${formatNumber(p.player.netStock)}</td><td>${formatNumber(p.policy.netStock)}</td>
                <td>${formatNumber(p.player.cost)}</td><td>${formatNumber(p.policy.cost)}</td></tr>`,
            )}
          </tbody>
        </table>
      </details>
      <div class="actions">
        <button @click=${this.restart}>Play again</button>
        <button @click=${this.share}>Share this game</button>
        <button @click=${this.leave}>Leave the game</button>
      </div>
      <p class="note" role="status">${this.shared ? 'The link to this game is in the box below the page’s header (and copied, where the browser allows).' : nothing}</p>`;
  }

  /** "Week 5 of 36" when a turn is one time unit, else "Turn 5 of 40". */
  private turnName(every: number): string {
    const unit = this.scenario!.time.unit;
    return every === 1 ? `${unit[0].toUpperCase()}${unit.slice(1)}` : 'Turn';
  }

  private readonly typed = (): void => {
    if (this.typedProblem === null) return;
    this.typedProblem = null;
    this.requestUpdate();
  };

  private readonly submit = (event: Event): void => {
    event.preventDefault();
    const input = this.input;
    if (!input || this.orders === null) return;
    const text = input.value.trim();
    const value = text === '' ? Number.NaN : Number(text);
    const problem = text === '' ? 'type how many units to order (0 orders nothing)' : orderProblem(value);
    if (problem !== null) {
      this.typedProblem = `${problem[0].toUpperCase()}${problem.slice(1)}.`;
      this.requestUpdate();
      input.focus();
      return;
    }
    this.typedProblem = null;
    this.change([...this.orders, value]);
  };

  private readonly start = (): void => this.change([]);
  private readonly restart = (): void => this.change([]);
  private readonly undo = (): void => this.change(this.orders?.slice(0, -1) ?? []);
  private readonly leave = (): void => this.change(null);

  private change(orders: number[] | null): void {
    this.moveFocus = true;
    this.shared = false;
    this.dispatchEvent(new CustomEvent<number[] | null>('play-change', { detail: orders, bubbles: true, composed: true }));
  }

  private readonly share = (): void => {
    this.shared = true;
    this.requestUpdate();
    this.dispatchEvent(new CustomEvent('play-share', { bubbles: true, composed: true }));
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'play-panel': PlayPanel;
  }
}
