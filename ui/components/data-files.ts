import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { USER_FILE_LIMITS, sizeText } from '../../sim/index.js';

/** A file as the list shows it: its name, size and whether the session keeps it. */
export interface DataFileEntry {
  name: string;
  chars: number;
  kept: boolean;
}

/**
 * The CSV files the user gave the page, with a button to choose more (dropping them anywhere on
 * the page works too: the page listens). Fires `files-given` with the chosen files and
 * `file-remove` with a name; reading and keeping them is the page's.
 */
@customElement('data-files')
export class DataFiles extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      gap: 0.45rem;
      font-size: 0.85rem;
    }
    p {
      margin: 0;
      color: #475569;
      line-height: 1.45;
    }
    .choose {
      justify-self: start;
      position: relative;
      padding: 0.3rem 0.8rem;
      border: 1px solid #0072b2;
      border-radius: 5px;
      color: #0072b2;
      background: white;
      cursor: pointer;
    }
    .choose:focus-within {
      outline: 3px solid #e69f00;
      outline-offset: 1px;
    }
    /* The native control is covered by its label, which looks like the page's other buttons. */
    .choose input {
      position: absolute;
      inset: 0;
      opacity: 0;
      width: 100%;
      cursor: pointer;
    }
    ul {
      margin: 0;
      padding: 0;
      list-style: none;
      display: grid;
      gap: 0.3rem;
    }
    li {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      flex-wrap: wrap;
    }
    code {
      font-size: 0.82rem;
      overflow-wrap: anywhere;
    }
    .size {
      color: #64748b;
    }
    .unkept {
      color: #92400e;
    }
    li button {
      margin-left: auto;
      font: inherit;
      font-size: 0.8rem;
      padding: 0.1rem 0.5rem;
      border: 1px solid #cbd5e1;
      border-radius: 4px;
      background: white;
      cursor: pointer;
    }
  `;

  @property({ attribute: false }) files: DataFileEntry[] = [];

  override render() {
    return html`
      <p>An order history to replay (<code>trace: orders.csv</code>) or data to fit below the results. Choose CSV files, or drop them anywhere on the page.
        Up to ${sizeText(USER_FILE_LIMITS.fileBytes)} a file; the page keeps ${sizeText(USER_FILE_LIMITS.keptChars)} of them for your next visit.</p>
      <label class="choose">Choose CSV files<input type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" multiple @change=${this._onChange} /></label>
      ${
        this.files.length > 0
          ? html`<ul aria-label="Your data files">
            ${this.files.map(
              (f) => html`<li>
                <code>${f.name}</code><span class="size">${sizeText(f.chars)}</span>
                ${f.kept ? html`<span class="size">kept</span>` : html`<span class="unkept" title="Too large to keep: choose or drop it again after a reload">this visit only</span>`}
                <button @click=${() => this._remove(f.name)} aria-label=${`Remove ${f.name}`}>Remove</button>
              </li>`,
            )}
          </ul>`
          : nothing
      }
    `;
  }

  private _onChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    // Cleared, so choosing the same file again (changed on disk) is a change too.
    input.value = '';
    if (files.length > 0) this.dispatchEvent(new CustomEvent<File[]>('files-given', { detail: files, bubbles: true, composed: true }));
  }

  private _remove(name: string): void {
    this.dispatchEvent(new CustomEvent<string>('file-remove', { detail: name, bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'data-files': DataFiles;
  }
}
