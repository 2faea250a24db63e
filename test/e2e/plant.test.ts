// The plant diagram: every bundled scenario drawn as suppliers, stock points, machines and
// customers with the flows between them; a chain typed into the editor draws its transfers; hostile
// names are text; a 50-stage chain neither freezes the page nor stretches it.
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../sim/index.js';
import { ROOT, SCREENSHOTS, scenarioText, squash, useSuite, type AppPage } from './harness.js';

const suite = useSuite('plant');

const BUNDLED = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''));

type Counts = Record<string, number>;

/** What the diagram of a scenario's first strategy must hold, counted from its compiled document (not from the graph the page draws). */
function expectedCounts(text: string, file = 'scenarios/x.yaml'): { nodes: Counts; edges: Counts } {
  const scenario = loadScenario(text, { file, readFile: (path) => readFileSync(join(ROOT, path), 'utf8') });
  const { items, machines, demand } = scenario.compiled[scenario.strategies[0]].document;
  const specs = Object.values(items);
  const components = new Set(specs.flatMap((s) => (s.make ? Object.keys(s.make.bom).map((c) => JSON.stringify([c, s.make!.machine])) : [])));
  return {
    nodes: {
      supplier: specs.filter((s) => s.buy).length,
      stock: specs.length,
      machine: Object.keys(machines).length,
      customers: demand.length > 0 ? 1 : 0,
    },
    edges: {
      purchase: specs.filter((s) => s.buy).length,
      production: specs.filter((s) => s.make).length,
      component: components.size,
      transfer: specs.filter((s) => s.transfer).length,
      demand: new Set(demand.map((d) => d.item)).size,
    },
  };
}

/** The diagram as drawn: nodes and flows counted by kind, node boxes, labels, and the plant in words. */
async function drawn(app: AppPage) {
  return app.page.locator('plant-diagram').evaluate((element) => {
    const root = element.shadowRoot!;
    const count = (selector: string, kinds: string[]) =>
      Object.fromEntries(kinds.map((k) => [k, root.querySelectorAll(`${selector}[data-kind="${k}"]`).length]));
    const boxes = [...root.querySelectorAll('g.node')].map((g) => {
      const r = g.getBoundingClientRect();
      return { id: (g as SVGGElement).dataset.id!, x: r.x, y: r.y, width: r.width, height: r.height, text: g.querySelector('text')?.textContent ?? '' };
    });
    const words = [...root.querySelectorAll('#plant-words li')].map((li) => li.textContent ?? '');
    return {
      nodes: count('g.node', ['supplier', 'stock', 'machine', 'customers']),
      edges: count('g.edge', ['purchase', 'production', 'component', 'transfer', 'demand']),
      boxes,
      words,
      label: root.querySelector('svg.plant')?.getAttribute('aria-label') ?? '',
      injected: root.querySelectorAll('script, img, foreignObject, iframe, b').length,
    };
  });
}

/** A screenshot of the diagram alone, beside the harness's page screenshots. */
async function shoot(app: AppPage, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await app.page.locator('plant-diagram').screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

function overlapping(boxes: { id: string; x: number; y: number; width: number; height: number }[]): string[] {
  const found: string[] = [];
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) found.push(`${a.id} & ${b.id}`);
    }
  }
  return found;
}

/** A chain: a factory brews from bought malt, a warehouse takes its beer by transfer and serves two shops. */
const CHAIN = `name: Chain
time: { unit: day, horizon: 60, warmup: 5 }
run: { replications: 3, seed: 3 }
machines:
  brewery: {}
items:
  malt:
    initial: 200
    buy: { leadTime: 2, orderCost: 10 }
    policy: { type: sQ, reorderPoint: 40, quantity: 100 }
  factory:
    initial: 40
    make: { machine: brewery, processTime: 0.05, bom: { malt: 2 } }
    policy: { type: baseStock, level: 40 }
  warehouse:
    initial: 30
    transfer: { from: factory, leadTime: 1, orderDelay: 2 }
    policy: { type: sS, reorderPoint: 20, orderUpTo: 60 }
  north:
    initial: 10
    transfer: { from: warehouse, leadTime: 1 }
    policy: { type: baseStock, level: 12 }
  south:
    initial: 10
    transfer: { from: warehouse, leadTime: 1.5 }
    policy: { type: baseStock, level: 12 }
demand:
  - { item: north, every: 0.5 }
  - { item: south, every: 0.5 }
strategies:
  Chain: {}
  Direct:
    items:
      south: { transfer: null, buy: { leadTime: 4 } }
`;

/** A YAML double-quoted string of `text`, line and paragraph separators escaped. */
function yamlQuote(text: string): string {
  return JSON.stringify(text).replaceAll('\u2028', '\\u2028').replaceAll('\u2029', '\\u2029');
}

/** `n` stock points in a line, each taking from the one before by transfer; the first bought. */
function longChain(n: number): string {
  const items = Array.from({ length: n }, (_, i) => {
    const source = i === 0 ? 'buy: { leadTime: 1 }' : `transfer: { from: s${i - 1}, leadTime: 0.5 }`;
    return `  s${i}: { initial: 20, ${source}, policy: { type: baseStock, level: 20 } }`;
  });
  return `name: Long chain\ntime: { horizon: 40 }\nrun: { replications: 2 }\nitems:\n${items.join('\n')}\ndemand: [ { item: s${n - 1}, every: 0.5 } ]\n`;
}

describe('the plant diagram', () => {
  it('draws every bundled scenario: a node per stock point and machine, a supplier per bought item, the customers, every flow', async () => {
    const app = await suite.open();
    for (const id of BUNDLED) {
      if ((await app.picker.inputValue()) !== id) await app.pick(id);
      const expected = expectedCounts(scenarioText(id), `scenarios/${id}.yaml`);
      const diagram = await drawn(app);
      expect(diagram.nodes, id).toEqual(expected.nodes);
      expect(diagram.edges, id).toEqual(expected.edges);
      expect(overlapping(diagram.boxes), id).toEqual([]);
      // The plant in words: a sentence per node but the suppliers, one per flow.
      const nodes = Object.values(expected.nodes).reduce((a, b) => a + b, 0) - expected.nodes.supplier;
      const flows = Object.values(expected.edges).reduce((a, b) => a + b, 0);
      expect(diagram.words, id).toHaveLength(nodes + flows);
      expect(diagram.label, id).toMatch(/^Plant diagram of .+: .*; \d+ flows?$/);
      await shoot(app, `plant-${id}`);
    }
    expect(app.errors).toEqual([]);
  });

  it('draws the transfers of a chain typed into the editor, its figures, and each strategy’s plant from its picker', async () => {
    const app = await suite.open();
    await app.setText(CHAIN);
    const chain = await drawn(app);
    expect(chain.nodes).toEqual({ supplier: 1, stock: 5, machine: 1, customers: 1 });
    expect(chain.edges).toEqual({ purchase: 1, production: 1, component: 1, transfer: 3, demand: 2 });
    const diagram = app.page.locator('plant-diagram');
    const warehouse = diagram.locator('g.node[data-id="stock:warehouse"]');
    expect(
      squash(
        await warehouse
          .locator('text')
          .allTextContents()
          .then((t) => t.join(' ')),
      ),
    ).toMatch(/^warehouse sS: s 20, S 60 fill rate [\d.]+% avg on hand [\d,.]+$/);
    const transfer = diagram.locator('g.edge[data-from="stock:factory"][data-to="stock:warehouse"]');
    expect(
      squash(
        await transfer
          .locator('text')
          .allTextContents()
          .then((t) => t.join(' ')),
      ),
    ).toBe('1 day delay 2');
    expect(
      squash(
        await diagram
          .locator('g.node[data-id="machine:brewery"] text')
          .allTextContents()
          .then((t) => t.join(' ')),
      ),
    ).toMatch(/^brewery utilization [\d.]+%$/);
    expect(
      squash(
        await diagram
          .locator('g.node[data-id="customers"] text')
          .allTextContents()
          .then((t) => t.join(' ')),
      ),
    ).toMatch(/^Customers throughput [\d.]+\/day customer wait [\d.e-]+ day$/);
    await shoot(app, 'plant-chain');

    // The other strategy buys the south shop's stock: one transfer less, one supplier more.
    await diagram.getByRole('combobox', { name: 'Strategy' }).selectOption('Direct');
    await expect.poll(() => drawn(app).then((d) => d.edges)).toEqual({ purchase: 2, production: 1, component: 1, transfer: 2, demand: 2 });
    expect((await drawn(app)).label).toMatch(/^Plant diagram of Direct: 2 suppliers, 5 stock points, 1 machine, customers; 8 flows$/);

    // Saved as SVG: at full size, names and figures as text, nothing of the page's styles needed.
    const file = await app.download(() => diagram.getByRole('button', { name: 'Save as SVG' }).click());
    expect(file.name).toBe('chain-plant.svg');
    const text = file.bytes.toString('utf8');
    expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg [^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(text).toContain('>warehouse</text>');
    expect(text).not.toContain('<!--');
    // The HTML report opens with it, as drawn.
    const report = (await app.download(() => app.button('HTML report').click())).bytes.toString('utf8');
    expect(report).toContain('<figure><figcaption>chain-plant</figcaption><svg ');
    expect(report).toContain('>warehouse</text>');
    expect(app.errors).toEqual([]);
  });

  it('shows hostile names as text: quotes, markup and line separators in items, machines and strategies', async () => {
    const item = `<img src=x onerror=alert(1)> "w" 'x'\u2028</svg>`;
    const machine = `<b>press</b> & "co"\u2029`;
    const strategy = `<script>alert(1)</script> "it's"`;
    const text = scenarioText('jit-eoq-batch')
      .replace(/^ {2}widget:/m, `  ${yamlQuote(item)}:`)
      .replace(/^ {6}widget:/gm, `      ${yamlQuote(item)}:`)
      .replace('item: widget', `item: ${yamlQuote(item)}`)
      .replace(/^ {2}press:/m, `  ${yamlQuote(machine)}:`)
      .replace('machine: press', `machine: ${yamlQuote(machine)}`)
      .replace(/^ {2}JIT:/m, `  ${yamlQuote(strategy)}:`);
    const app = await suite.open();
    await app.setText(text);
    expect(await app.problems.count()).toBe(0);
    const diagram = await drawn(app);
    expect(diagram.injected).toBe(0);
    expect(diagram.nodes).toEqual({ supplier: 1, stock: 2, machine: 1, customers: 1 });
    await shoot(app, 'plant-hostile');
    // Line separators show as spaces, everything else as written; a name too long for its box is cut with an ellipsis.
    const shown = (id: string) => diagram.boxes.find((b) => b.id === id)!.text;
    const cut = (text: string, name: string) => text === name || (text.endsWith('…') && name.startsWith(text.slice(0, -1)) && text.length > 8);
    expect(shown(`stock:${item}`)).toSatisfy((t: string) => cut(t, item.replace('\u2028', ' ')));
    expect(shown(`machine:${machine}`)).toSatisfy((t: string) => cut(t, machine.replace('\u2029', ' ')));
    expect(diagram.label.startsWith(`Plant diagram of ${strategy}:`)).toBe(true);
    // The whole names, in the node's tooltip and in the plant in words.
    const titles = await app.page.locator('plant-diagram g.node title').allTextContents();
    expect(titles.some((t) => t.startsWith(`stock point ${item}`))).toBe(true);
    expect(diagram.words.some((w) => w.startsWith(`Machine ${machine}: utilization`))).toBe(true);
    const file = await app.download(() => app.page.locator('plant-diagram').getByRole('button', { name: 'Save as SVG' }).click());
    const svg = file.bytes.toString('utf8');
    expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(svg).not.toContain('<img');
    expect(svg).not.toContain('<b>');
    expect(app.dialogs).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('lays out a 50-stage chain without freezing the page: shrunk to a legible size, scrolling inside its card, whole on request', async () => {
    const app = await suite.open();
    const settled = await app.setText(longChain(50));
    expect(settled.settledMs).toBeLessThan(20_000);
    const diagram = await drawn(app);
    expect(diagram.nodes).toEqual({ supplier: 1, stock: 50, machine: 0, customers: 1 });
    expect(diagram.edges).toMatchObject({ purchase: 1, transfer: 49, demand: 1 });
    expect(overlapping(diagram.boxes)).toEqual([]);
    const sizes = () =>
      app.page.locator('plant-diagram').evaluate((element) => {
        const root = element.shadowRoot!;
        const svg = root.querySelector('svg.plant')!;
        const scroll = root.querySelector('.scroll')!;
        return {
          full: Number(svg.getAttribute('data-width')),
          shown: svg.getBoundingClientRect().width,
          box: scroll.clientWidth,
          scrolls: scroll.scrollWidth > scroll.clientWidth,
          page: document.scrollingElement!.scrollWidth,
          viewport: window.innerWidth,
        };
      });
    const legible = await sizes();
    expect(legible.shown / legible.full).toBeGreaterThan(0.69);
    expect(legible.scrolls).toBe(true);
    // The page itself does not grow sideways: the diagram scrolls inside its card.
    expect(legible.page).toBeLessThanOrEqual(legible.viewport);
    await app.page.locator('plant-diagram').getByRole('button', { name: 'Whole plant' }).click();
    await expect.poll(() => sizes().then((s) => s.shown <= s.box)).toBe(true);
    await shoot(app, 'plant-long-chain');
    expect(app.errors).toEqual([]);
  });
});
