import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  formatterOf,
  goalOutcome,
  goalStanding,
  kpiOf,
  unitText,
  type Challenge,
  type ExperimentResult,
  type GoalFigure,
  type GoalOutcome,
} from '../../sim/index.js';

/** A submission the page made: the link, the lever values it carries, and what it was made for. */
export interface ChallengeSubmission {
  link: string;
  values: Record<string, number | string | boolean>;
  /** The challenge file's name as the page knows it (`scenarios/challenge-beat-the-batch.yaml`). */
  file: string;
  fingerprint: string;
  /** Fields a grader refuses: moved outside the levers, or the file edited on the page. */
  refusedBecause: string | null;
}

const BOUND_WORDS: Record<GoalFigure['bound'], string> = { below: 'below', above: 'above', atLeast: 'at least', atMost: 'at most' };

const VERDICT_WORDS: Record<GoalFigure['verdict'], { mark: string; words: string }> = {
  met: { mark: '✓', words: 'met' },
  missed: { mark: '✗', words: 'not met' },
  undecided: { mark: '?', words: 'not yet decided: the interval straddles the bound' },
};

/**
 * The challenge card at the top of the results: the title, the goal, the hints (folded), the goal
 * panel (the objective and each constraint with the strategy's estimate, its 95% interval and
 * whether it is met, not met or not yet decided, in words), the score as the leaderboard would
 * give it, and "Submit", which gives the link to hand in. Every figure is sim's `goalOutcome`.
 */
@customElement('challenge-panel')
export class ChallengePanel extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      gap: 0.6rem;
    }
    .kicker {
      margin: 0;
      font-size: 0.75rem;
      font-weight: 700;
      letter-spacing: 0.06em;
      text-transform: uppercase;
      color: #7c3aed;
    }
    h2 {
      margin: 0;
      font-size: 1.15rem;
    }
    p {
      margin: 0;
    }
    details summary {
      cursor: pointer;
      font-size: 0.9rem;
    }
    details ol {
      margin: 0.4rem 0 0;
      padding-left: 1.4rem;
      font-size: 0.9rem;
    }
    .goal-panel {
      border: 2px solid #cbd5e1;
      border-radius: 8px;
      padding: 0.6rem 0.8rem;
      background: #f8fafc;
    }
    .goal-panel.met {
      border-color: #15803d;
      background: #f0fdf4;
    }
    .verdict {
      font-weight: 700;
      margin-bottom: 0.4rem;
    }
    .goal-panel.met .verdict {
      color: #166534;
    }
    table {
      border-collapse: collapse;
      width: 100%;
      font-size: 0.88rem;
    }
    th,
    td {
      text-align: left;
      padding: 0.25rem 0.5rem 0.25rem 0;
      vertical-align: top;
    }
    th {
      font-weight: 600;
      color: #475569;
      font-size: 0.8rem;
    }
    td.estimate {
      font-variant-numeric: tabular-nums;
    }
    td.on-interval.met {
      color: #166534;
      font-weight: 600;
    }
    td.on-interval.missed {
      color: #b91c1c;
      font-weight: 600;
    }
    td.on-interval.undecided {
      color: #92400e;
    }
    .score {
      font-size: 0.92rem;
    }
    .submit {
      display: grid;
      gap: 0.4rem;
    }
    .submit .row {
      display: flex;
      gap: 0.5rem;
      align-items: center;
      flex-wrap: wrap;
    }
    .submit input {
      flex: 1 1 24rem;
      min-width: 0;
      font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      padding: 0.3rem;
    }
    .submit-note {
      font-size: 0.85rem;
      color: #334155;
    }
    .refused {
      color: #b91c1c;
      font-size: 0.85rem;
    }
    .updating {
      font-size: 0.85rem;
      color: #92400e;
    }
  `;

  @property({ attribute: false }) challenge: Challenge | null = null;
  @property({ attribute: false }) result: ExperimentResult | null = null;
  /** True while the results shown are not those of the levers as they stand (a run is under way, or failed). */
  @property({ type: Boolean }) stale = false;
  @property() currency = '';
  @property({ attribute: false }) submission: ChallengeSubmission | null = null;
  @state() private copied = false;
  private outcome: GoalOutcome | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('result') || changed.has('challenge')) {
      const ran = this.result?.strategies.some((s) => s.name === this.challenge?.strategy) ?? false;
      this.outcome = this.challenge && this.result && ran ? goalOutcome(this.result, this.challenge) : null;
    }
    if (changed.has('submission')) this.copied = false;
  }

  override render() {
    const c = this.challenge;
    if (!c) return nothing;
    return html`
      <p class="kicker">Challenge</p>
      <h2>${c.title}</h2>
      <p class="goal">${c.goal}</p>
      ${
        c.hints.length > 0
          ? html`<details>
            <summary>Hints (${c.hints.length})</summary>
            <ol>
              ${c.hints.map((h) => html`<li>${h}</li>`)}
            </ol>
          </details>`
          : nothing
      }
      ${this.renderGoal(c)} ${this.renderSubmit(c)}
    `;
  }

  private renderGoal(c: Challenge) {
    const o = this.outcome;
    if (o === null)
      return html`<div class="goal-panel" role="group" aria-label="Goal"><p class="verdict">Not run yet: the goal is decided once "${c.strategy}" has run.</p></div>`;
    const met = o.met;
    const verdict = met ? 'Goal met: every figure is on the right side of its bound over its whole 95% interval.' : `Goal not met yet: ${this.missing(o)}.`;
    const objective = o.objective;
    return html`<div class="goal-panel ${met ? 'met' : 'not-met'}" role="group" aria-label="Goal" data-met=${met}>
        <p class="verdict" role="status">${met ? '✓ ' : ''}${verdict}</p>
        <table>
          <thead>
            <tr><th scope="col"></th><th scope="col">Target</th><th scope="col">${c.strategy}: mean (95% interval)</th><th scope="col">On the interval</th></tr>
          </thead>
          <tbody>
            ${this.figureRow('Objective', objective)} ${o.constraints.map((f) => this.figureRow('Constraint', f))}
          </tbody>
        </table>
      </div>
      ${this.stale ? html`<p class="updating" role="note">These figures are of the last finished run; the levers as they stand are being run.</p>` : nothing}
      <p class="score">
        Score: ${objective.kpi} ${this.estimate(objective)}. The leaderboard would say <strong class="standing">${goalStanding(o)}</strong>; it ranks
        the goal met first, then feasible, then the rest, each group by ${objective.kpi}.
      </p>`;
  }

  /** What is still missing, in words: the figures not met, and whether more replications could decide them. */
  private missing(o: GoalOutcome): string {
    const open = [o.objective, ...o.constraints].filter((f) => !f.met);
    return open.map((f) => `${f.kpi} ${VERDICT_WORDS[f.verdict].words}`).join('; ');
  }

  private figureRow(role: string, f: GoalFigure) {
    const status = VERDICT_WORDS[f.verdict];
    return html`<tr data-kpi=${f.kpi} data-verdict=${f.verdict}>
      <th scope="row">${role}</th>
      <td>${f.kpi} ${BOUND_WORDS[f.bound]} ${this.format(f.kpi, f.value)}</td>
      <td class="estimate">${this.estimate(f)}</td>
      <td class="on-interval ${f.verdict}"><span aria-hidden="true">${status.mark}</span> ${status.words}</td>
    </tr>`;
  }

  /** A KPI's value with its unit (money in the currency, shares as percentages). */
  private format(kpi: string, value: number): string {
    const text = formatterOf(kpi)(value);
    const info = kpiOf(kpi);
    const unit = info && info.unit === 'money' ? unitText(info.unit, { unit: '' }, this.currency) : '';
    return unit ? `${text} ${unit}` : text;
  }

  private estimate(f: GoalFigure): string {
    const e = f.estimate;
    if (e.n === 0 || !Number.isFinite(e.mean)) return 'not measured';
    if (e.ci95 === null) return `${this.format(f.kpi, e.mean)} (one replication: no interval, so nothing is met)`;
    const [low, high] = e.ci95;
    if (high - low <= 1e-12 * Math.max(1, Math.abs(e.mean))) return `${this.format(f.kpi, e.mean)} (the same in every replication)`;
    return `${this.format(f.kpi, e.mean)} (${this.format(f.kpi, low)} to ${this.format(f.kpi, high)})`;
  }

  private renderSubmit(c: Challenge) {
    const s = this.submission;
    return html`<div class="submit">
      <div class="row">
        <button class="submit-button" @click=${this._onSubmit}>Submit</button>
        <span class="submit-note">Gives the link to hand in: it reopens this challenge with your lever values.</span>
      </div>
      ${
        s
          ? html`<div class="row">
              <label for="submission-link">Your submission</label>
              <input id="submission-link" readonly .value=${s.link} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
              <button @click=${this._onCopy}>${this.copied ? 'Copied' : 'Copy'}</button>
            </div>
            <p class="submit-note">
              This link carries your lever values (${this.valuesText(c, s.values)}) and was made for the challenge file
              <code>${s.file}</code> (fingerprint <code>${s.fingerprint.slice(0, 8)}…</code>); <code>sawtooth grade</code> replays it on that file's own
              replications and seed, and refuses it for any other file or version.
            </p>
            ${s.refusedBecause ? html`<p class="refused" role="alert">It would not be graded: ${s.refusedBecause}.</p>` : nothing}`
          : nothing
      }
    </div>`;
  }

  private valuesText(c: Challenge, values: Record<string, number | string | boolean>): string {
    const moved = Object.entries(values);
    if (moved.length === 0) return `none moved: the file's starting values of ${c.levers.length === 1 ? 'its lever' : `its ${c.levers.length} levers`}`;
    return moved.map(([path, value]) => `${shortName(path, Object.keys(values))} = ${String(value)}`).join(', ');
  }

  private _onSubmit(): void {
    this.dispatchEvent(new CustomEvent('challenge-submit', { bubbles: true, composed: true }));
  }

  private async _onCopy(): Promise<void> {
    if (!this.submission) return;
    try {
      await navigator.clipboard.writeText(this.submission.link);
      this.copied = true;
    } catch {
      // No clipboard permission: select the link so Ctrl+C copies it.
      const box = this.renderRoot.querySelector<HTMLInputElement>('#submission-link');
      box?.focus();
      box?.select();
    }
  }
}

/** A lever by the shortest tail of its path that tells it from the others: `cards`, `retailer.policy.beta`. */
export function shortName(path: string, all: readonly string[]): string {
  const parts = path.split('.');
  for (let k = 1; k <= parts.length; k++) {
    const tail = parts.slice(-k).join('.');
    if (all.filter((p) => p === tail || p.endsWith(`.${tail}`)).length === 1) return tail;
  }
  return path;
}

declare global {
  interface HTMLElementTagNameMap {
    'challenge-panel': ChallengePanel;
  }
}
