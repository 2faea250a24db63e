import { css } from 'lit';

/** The page layout: a sidebar of inputs and a grid of result cards; works from 1280×720 up. */
export const appStyles = css`
  :host {
    display: grid;
    grid-template-columns: minmax(300px, 380px) 1fr;
    grid-template-rows: auto auto auto 1fr;
    grid-template-areas: 'header header' 'notice notice' 'share share' 'aside main';
    min-height: 100vh;
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    color: #1f2933;
    background: #f8fafc;
  }
  header {
    grid-area: header;
    /* Stays in view, so a run's progress and its Cancel button are there wherever the page is scrolled. */
    position: sticky;
    top: 0;
    z-index: 1100;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem 1.25rem;
    padding: 0.6rem 1.25rem;
    background: #0f172a;
    color: white;
  }
  h1 {
    font-size: 1.3rem;
    margin: 0;
    letter-spacing: 0.02em;
  }
  .picker {
    display: flex;
    gap: 0.4rem;
    align-items: center;
    font-size: 0.9rem;
  }
  select,
  button,
  input {
    font: inherit;
  }
  header select {
    padding: 0.25rem 0.4rem;
    border-radius: 4px;
  }
  .run-state {
    flex: 1;
    display: flex;
    align-items: center;
    gap: 0.6rem;
    min-width: 12rem;
  }
  /* On a narrow header the status is cut, never the Cancel button beside it. */
  .status {
    font-size: 0.85rem;
    color: #cbd5e1;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    min-width: 0;
  }
  /* A run's progress: a thin bar along the bottom edge of the header. */
  .run-state progress {
    position: absolute;
    left: 0;
    bottom: 0;
    width: 100%;
    height: 3px;
    appearance: none;
    border: none;
    background: transparent;
  }
  .run-state progress::-webkit-progress-bar {
    background: transparent;
  }
  .run-state progress::-webkit-progress-value {
    background: #56b4e9;
    transition: width 0.2s;
  }
  .run-state progress::-moz-progress-bar {
    background: #56b4e9;
  }
  .run-state button.cancel {
    flex-shrink: 0;
    padding: 0.2rem 0.7rem;
    border-radius: 4px;
    border: 1px solid #f59e0b;
    background: transparent;
    color: #fcd34d;
    font-size: 0.85rem;
    cursor: pointer;
  }
  .run-state button.cancel:hover {
    background: #451a03;
  }
  .notice {
    grid-area: notice;
    display: flex;
    align-items: flex-start;
    gap: 0.75rem;
    padding: 0.6rem 1.25rem;
    background: #fef2f2;
    border-bottom: 1px solid #fecaca;
    color: #7f1d1d;
    font-size: 0.9rem;
    line-height: 1.45;
  }
  .notice p {
    margin: 0;
    flex: 1;
    overflow-wrap: anywhere;
  }
  .notice::before {
    content: '!';
    flex: none;
    width: 1.3rem;
    height: 1.3rem;
    border-radius: 50%;
    background: #b91c1c;
    color: white;
    font-weight: 700;
    text-align: center;
    line-height: 1.3rem;
  }
  .notice button {
    flex: none;
    padding: 0.2rem 0.7rem;
    border-radius: 4px;
    border: 1px solid #fca5a5;
    background: white;
    color: #7f1d1d;
    cursor: pointer;
  }
  nav {
    display: flex;
    gap: 0.4rem;
    flex-wrap: wrap;
  }
  nav button {
    font-size: 0.85rem;
    padding: 0.3rem 0.6rem;
    border-radius: 4px;
    border: 1px solid #475569;
    background: #1e293b;
    color: white;
    cursor: pointer;
  }
  nav button:hover:not([disabled]),
  nav button:focus-visible {
    background: #334155;
  }
  button:focus-visible,
  select:focus-visible,
  input:focus-visible {
    outline: 3px solid #e69f00;
    outline-offset: 1px;
  }
  nav button[disabled] {
    opacity: 0.5;
  }
  .share {
    grid-area: share;
    padding: 0.5rem 1.25rem;
    background: #e0f2fe;
    font-size: 0.85rem;
  }
  .share input {
    width: min(60rem, 100%);
    margin-left: 0.5rem;
  }
  .share-note {
    margin: 0.4rem 0 0;
    color: #7c2d12;
  }
  /* Where dropped files go: the whole page, while files are held over it. */
  .drop-zone {
    position: fixed;
    inset: 0;
    z-index: 2000;
    display: grid;
    place-items: center;
    background: rgb(224 242 254 / 0.85);
    border: 4px dashed #0072b2;
    pointer-events: none;
  }
  .drop-zone p {
    font-size: 1.4rem;
    color: #0c4a6e;
  }
  aside {
    grid-area: aside;
    padding: 1rem;
    display: grid;
    gap: 1.1rem;
    align-content: start;
    border-right: 1px solid #e2e8f0;
    background: white;
    overflow-y: auto;
    /* Below the sticky header, whose height the page measures (it wraps on narrow screens). */
    max-height: calc(100vh - var(--header-height, 3rem));
    position: sticky;
    top: var(--header-height, 3rem);
  }
  aside h2,
  main h2 {
    font-size: 1rem;
    margin: 0 0 0.5rem;
  }
  .description p {
    margin: 0;
    font-size: 0.88rem;
    line-height: 1.5;
    color: #334155;
  }
  .lesson {
    margin-top: 0.6rem;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem 0.75rem;
    font-size: 0.85rem;
    color: #475569;
  }
  .lesson button {
    font-size: 0.85rem;
  }
  main {
    grid-area: main;
    padding: 1rem;
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 1rem;
    align-content: start;
    transition: opacity 0.2s;
  }
  main.stale > .card:not(.fit),
  main.stale > warning-list {
    opacity: 0.55;
  }
  warning-list {
    grid-column: 1 / -1;
  }
  .stale-note {
    grid-column: 1 / -1;
    margin: 0;
    padding: 0.5rem 0.75rem;
    background: #fef3c7;
    border: 1px solid #f59e0b;
    border-radius: 6px;
    font-size: 0.88rem;
  }
  .card {
    background: white;
    border: 1px solid #e2e8f0;
    border-radius: 8px;
    padding: 0.9rem 1rem;
    min-width: 0;
    overflow-x: auto;
  }
  .card.wide {
    grid-column: 1 / -1;
  }
  .item-picker {
    float: right;
    font-size: 0.85rem;
  }
  .empty {
    grid-column: 1 / -1;
    color: #64748b;
  }
  .run-error {
    grid-column: 1 / -1;
    margin: 0;
    padding: 0.6rem 0.8rem;
    background: #fef2f2;
    border: 1px solid #fecaca;
    border-radius: 6px;
    color: #7f1d1d;
    font-size: 0.9rem;
    line-height: 1.45;
    overflow-wrap: anywhere;
  }
  .optimum {
    margin: 0.6rem 0 0.2rem;
    padding: 0.5rem 0.7rem;
    background: #f8fafc;
    border-left: 3px solid #d55e00;
    font-size: 0.9rem;
    line-height: 1.45;
    overflow-wrap: anywhere;
  }
  .optimum p {
    margin: 0.15rem 0;
  }
  .optimum-guarantee {
    font-weight: 600;
  }
  .sweep-note {
    color: #475569;
    font-size: 0.85rem;
  }
  .sweep-error {
    color: #7f1d1d;
    background: #fef2f2;
    border: 1px solid #fecaca;
    border-radius: 6px;
    padding: 0.4rem 0.6rem;
    font-size: 0.85rem;
  }
  @media (max-width: 1000px) {
    :host {
      grid-template-columns: 1fr;
      grid-template-areas: 'header' 'notice' 'share' 'main' 'aside';
    }
    main {
      grid-template-columns: 1fr;
    }
    aside {
      position: static;
      max-height: none;
    }
  }
  /* A phone: the header (wrapped to three or four lines) would keep a fifth of the screen; it scrolls away. */
  @media (max-width: 640px) {
    header {
      position: static;
    }
  }
`;
