import { LitElement, css, html } from 'lit';
import { customElement } from 'lit/decorators.js';

/** The page shell. For now it says what Sawtooth is; the sandbox grows here. */
@customElement('sawtooth-app')
export class SawtoothApp extends LitElement {
  static override styles = css`
    :host {
      display: block;
      max-width: 48rem;
      margin: 3rem auto;
      font-family: system-ui, sans-serif;
      line-height: 1.5;
      color: #1f2933;
    }
    h1 {
      font-size: 2rem;
      margin-bottom: 0.25rem;
    }
  `;

  override render() {
    return html`
      <h1>Sawtooth</h1>
      <p>
        A discrete-event simulation engine and what-if sandbox for inventory management and
        production planning. Describe a plant — suppliers, machines, buffers, stock points,
        customers — and compare strategies such as JIT, EOQ and batch production with honest
        statistics.
      </p>
      <p>The interactive sandbox is being built; the command line and the library work today.</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sawtooth-app': SawtoothApp;
  }
}
