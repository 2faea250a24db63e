import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { ScenarioIssue } from '../../sim/index.js';
import { issueView } from '../state/issues.js';

/** The scenario as YAML in a text area, with the schema's errors beside it (line and path). */
@customElement('scenario-editor')
export class ScenarioEditor extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      gap: 0.5rem;
    }
    textarea {
      width: 100%;
      box-sizing: border-box;
      min-height: 22rem;
      font: 12.5px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      tab-size: 2;
      padding: 0.6rem;
      border: 1px solid #cbd5e1;
      border-radius: 6px;
      resize: vertical;
    }
    textarea[readonly] {
      background: #f8fafc;
      color: #475569;
    }
    .readonly-note {
      margin: 0;
      font-size: 0.85rem;
      color: #475569;
    }
    button.unlock {
      font: inherit;
      padding: 0 0.4rem;
    }
    textarea[aria-invalid='true'] {
      border-color: #b91c1c;
    }
    ul {
      margin: 0;
      padding: 0.5rem 0.75rem;
      list-style: none;
      background: #fef2f2;
      border: 1px solid #fecaca;
      border-radius: 6px;
      color: #7f1d1d;
      font-size: 0.85rem;
    }
    li + li {
      margin-top: 0.35rem;
    }
    button.line {
      font: inherit;
      color: inherit;
      background: none;
      border: none;
      padding: 0;
      text-decoration: underline;
      cursor: pointer;
    }
  `;

  @property() text = '';
  /** The scenario's file name, as the loader names it in problems (a CSV trace's problems name their own file). */
  @property() file = '';
  @property({ attribute: false }) issues: ScenarioIssue[] = [];
  /** Read-only in challenge mode: the instructor fixed the plant, and a submission may move only the levers. */
  @property({ type: Boolean }) readonly = false;
  /** An instructor writing a challenge unlocks the editor (until another file is opened). */
  @state() private unlocked = false;
  @query('textarea') private textarea!: HTMLTextAreaElement;
  private timer: ReturnType<typeof setTimeout> | undefined;

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('file') && changed.get('file') !== undefined) this.unlocked = false;
  }

  override render() {
    const invalid = this.issues.length > 0;
    const readonly = this.readonly && !this.unlocked;
    return html`
      <label for="yaml">Scenario (YAML)</label>
      ${
        readonly
          ? html`<p class="readonly-note" id="readonly-note" role="note">
            Read-only in challenge mode: the instructor fixed the plant, and only the challenge's levers move.
            <button class="unlock" @click=${() => (this.unlocked = true)}>Edit anyway</button> (for an instructor writing a challenge: a submission made from an edited file is not graded)
          </p>`
          : nothing
      }
      <textarea id="yaml" spellcheck="false" .value=${this.text} ?readonly=${readonly} aria-invalid=${invalid}
        aria-describedby=${[invalid ? 'problems' : '', readonly ? 'readonly-note' : ''].filter(Boolean).join(' ') || nothing} @input=${this._onInput}></textarea>
      ${
        invalid
          ? html`<ul id="problems" role="alert" aria-label="Problems in the scenario">
            ${this.issues.map((issue) => {
              const view = issueView(issue, this.file);
              return html`<li>
                ${view.line !== undefined ? html`<button class="line" @click=${() => this._goToLine(view.line!)}>line ${view.line}</button>: ` : nothing}${
                  view.elsewhere
                    ? html`<code>${view.elsewhere}</code>${view.path ? html` (from <code>${view.path}</code>)` : nothing}: `
                    : view.path
                      ? html`<code>${view.path}</code>: `
                      : nothing
                }${view.text}
              </li>`;
            })}
          </ul>`
          : ''
      }
    `;
  }

  private _onInput(): void {
    clearTimeout(this.timer);
    const text = this.textarea.value;
    // Saved at once (nothing typed is lost on reload); the run that follows waits for a pause.
    this.dispatchEvent(new CustomEvent('scenario-draft', { detail: text, bubbles: true, composed: true }));
    // Typing is debounced a little so every keystroke does not start a run.
    this.timer = setTimeout(() => this.dispatchEvent(new CustomEvent('scenario-input', { detail: text, bubbles: true, composed: true })), 250);
  }

  private _goToLine(line: number): void {
    const lines = this.textarea.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    this.textarea.focus();
    this.textarea.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'scenario-editor': ScenarioEditor;
  }
}
