import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Warning } from '../../sim/index.js';

/**
 * What a reader must know before trusting the numbers below (unstable load, growing backlogs,
 * traps, too few replications): each warning's message, the strategy it concerns and where in
 * the scenario it comes from. Nothing at all when there are no warnings. Open at first (unless
 * `folded`: the presentation keeps the screen for its chart); the reader may fold or unfold it.
 */
@customElement('warning-list')
export class WarningList extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    details {
      background: #fffbeb;
      border: 1px solid #f59e0b;
      border-left-width: 6px;
      border-radius: 8px;
      padding: 0.6rem 0.9rem 0.7rem;
      color: #451a03;
    }
    /* Folded, it is one line: as little height as the summary needs. */
    details:not([open]) {
      padding-top: 0.3rem;
      padding-bottom: 0.3rem;
    }
    summary {
      cursor: pointer;
      font-weight: 700;
      font-size: 0.95rem;
      color: #92400e;
    }
    details[open] > summary {
      margin-bottom: 0.35rem;
    }
    summary:focus-visible {
      outline: 3px solid #e69f00;
      outline-offset: 2px;
    }
    .icon {
      font-size: 1.1rem;
      line-height: 1;
    }
    ul {
      margin: 0;
      padding-left: 1.1rem;
      font-size: 0.88rem;
      line-height: 1.45;
    }
    li + li {
      margin-top: 0.2rem;
    }
    .strategy {
      font-weight: 600;
    }
    details.notes {
      background: #f8fafc;
      border-color: #cbd5e1;
      color: #334155;
      padding-top: 0.3rem;
      padding-bottom: 0.3rem;
    }
    details.notes + details,
    details + details.notes {
      margin-top: 0.5rem;
    }
    details.notes summary {
      color: #475569;
      font-weight: 600;
      font-size: 0.85rem;
    }
    code {
      font-size: 0.78rem;
      background: #fef3c7;
      padding: 0 0.25rem;
      border-radius: 3px;
      white-space: nowrap;
    }
  `;

  @property({ attribute: false }) warnings: Warning[] = [];
  /** Start with the summary line only. */
  @property({ type: Boolean }) folded = false;

  override render() {
    // Notes (more replications would tighten an interval) leave the numbers right: they get a
    // quiet, folded line of their own, so the amber banner is kept for what must be read.
    const warnings = this.warnings.filter((w) => w.level !== 'note');
    const notes = this.warnings.filter((w) => w.level === 'note');
    if (warnings.length === 0 && notes.length === 0) return nothing;
    return html`${warnings.length > 0 ? this._banner(warnings) : nothing}${notes.length > 0 ? this._notes(notes) : nothing}`;
  }

  private _banner(warnings: Warning[]) {
    const count = warnings.length;
    // When every warning concerns the same strategies, they are named once, in the summary.
    const scopes = new Set(warnings.map(scopeOf));
    const shared = scopes.size === 1;
    const sharedScope = scopeOf(warnings[0]) ?? 'all strategies';
    // Messages are plain text from the simulation: Lit escapes them, nothing here parses markup.
    return html`<details ?open=${!this.folded}>
      <summary><span class="icon" role="img" aria-label="Warning">⚠</span> ${count === 1 ? '1 warning' : `${count} warnings`}${shared ? html` for <span class="strategy">${sharedScope}</span>` : ''}: read before trusting these numbers</summary>
      <ul aria-label="Warnings">
        ${warnings.map((w) => this._item(w, shared))}
      </ul>
    </details>`;
  }

  private _notes(notes: Warning[]) {
    return html`<details class="notes">
      <summary>${notes.length === 1 ? '1 note' : `${notes.length} notes`} on ${noteTopics(notes)}</summary>
      <ul aria-label="Notes">
        ${notes.map((w) => this._item(w, false))}
      </ul>
    </details>`;
  }

  private _item(w: Warning, shared: boolean) {
    return html`<li>${shared ? '' : html`<span class="strategy">${scopeOf(w) ?? 'All strategies'}:</span> `}${w.message} <code title="Where in the scenario">${w.path}</code></li>`;
  }
}

/** The strategies a warning concerns, as one phrase; undefined when it concerns the whole experiment. */
function scopeOf(w: Warning): string | undefined {
  return w.strategies?.join(', ');
}

declare global {
  interface HTMLElementTagNameMap {
    'warning-list': WarningList;
  }
}

/** What a folded list of notes is about, in the summary: precision (more replications), the data read (an order history), the run. */
function noteTopics(notes: Warning[]): string {
  const topic = (code: string): string => (code === 'too-few-replications' ? 'precision' : code.startsWith('history-') ? 'the data read' : 'the run');
  const topics = [...new Set(notes.map((n) => topic(n.code)))];
  return topics.length === 1 ? topics[0] : `${topics.slice(0, -1).join(', ')} and ${topics.at(-1)}`;
}
