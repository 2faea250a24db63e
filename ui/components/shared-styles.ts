// Styles several of the page's cards share, written once: a card's host, its row of controls, and
// the red box a part shows when it could not draw. Components list them before their own
// (`static styles = [panelHost, controlsRow, css`…`]`), which may add to them.
import { css } from 'lit';

/** A card's part: a block in the cards' small type. */
export const panelHost = css`
  :host {
    display: block;
    font-size: 0.85rem;
  }
`;

/** A row of pickers and buttons above a card's figure, wrapping on a narrow card. */
export const controlsRow = css`
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.2rem;
    align-items: center;
  }
`;

/** What a part says when it could not draw (role="alert"), in place of the figure. */
export const failedNote = css`
  .failed {
    margin: 0;
    padding: 0.5rem 0.7rem;
    background: #fef2f2;
    border: 1px solid #fecaca;
    border-radius: 6px;
    color: #7f1d1d;
  }
`;
