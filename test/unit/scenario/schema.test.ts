import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../../sim/scenario/index.js';
import { parse } from '../../../sim/scenario/parse.js';
import { scenarioSchema } from '../../../sim/scenario/schema.js';
import { designExample } from './helpers.js';

const schemaFile = new URL('../../../scenarios/schema.json', import.meta.url);
const REGENERATE = 'UPDATE_SCHEMA=1 npx vitest run test/unit/scenario/schema.test.ts';
const generated = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;

// The committed file is regenerated on request, so editors and `sawtooth schema` agree.
if (process.env.UPDATE_SCHEMA === '1') writeFileSync(schemaFile, generated);

type Json = Record<string, any>;
const schema = scenarioJsonSchema() as Json;

describe('the scenario JSON Schema', () => {
  it('scenarios/schema.json is what scenarioJsonSchema() generates', () => {
    const committed = readFileSync(schemaFile, 'utf8');
    expect(committed === generated, `scenarios/schema.json is stale; regenerate it with: ${REGENERATE}`).toBe(true);
  });

  it('has a $schema, a title and a description', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toBe('Sawtooth scenario');
    expect(schema.description).toMatch(/Sawtooth/);
  });

  it('requires name, time and items and rejects unknown keys', () => {
    expect(schema.required).toEqual(['name', 'time', 'items']);
    expect(schema.additionalProperties).toBe(false);
  });

  it('lists every policy type', () => {
    const policy = schema.properties.items.additionalProperties.properties.policy;
    const types = policy.oneOf.map((option: Json) => option.properties.type.const);
    expect(types).toEqual([
      'sQ',
      'sS',
      'RS',
      'baseStock',
      'kanban',
      'batch',
      'continuous',
      'makeToOrder',
      'ddmrp',
      'mrp',
      'anchorAndAdjust',
      'forecastOrderUpTo',
      'none',
    ]);
  });

  it('defines distributions once and refers to them', () => {
    const families = schema.$defs.distribution.anyOf.slice(1).map((option: Json) => Object.keys(option.properties)[0]);
    expect(families).toEqual(['constant', 'exponential', 'normal', 'lognormal', 'gamma', 'uniform', 'triangular', 'poisson', 'discrete', 'empirical']);
    expect(schema.properties.items.additionalProperties.properties.buy.properties.leadTime.$ref).toBe('#/$defs/distribution');
  });

  it('shows the defaults of DESIGN.md to editors', () => {
    expect(schema.properties.time.properties.warmup.default).toBe(0);
    expect(schema.properties.run.properties.replications.default).toBe(10);
    expect(schema.properties.run.properties.seed.default).toBe(1);
    expect(schema.properties.currency.default).toBe('EUR');
    expect(schema.properties.machines.additionalProperties.properties.servers.default).toBe(1);
    expect(schema.properties.demand.items.properties.quantity.default).toBe(1);
  });

  it('says a demand stream takes exactly one of interarrival, every and trace', () => {
    expect(schema.properties.demand.items.oneOf).toEqual([{ required: ['interarrival'] }, { required: ['every'] }, { required: ['trace'] }]);
  });
});

describe('the zod schema', () => {
  it('accepts the DESIGN.md example and fills its defaults', () => {
    const doc = scenarioSchema.parse(parse(designExample(), 'x.yaml').data);
    expect(doc.items.steel.unmet).toBe('backorder');
    expect(doc.items.widget.make?.bom).toEqual({ steel: 2 });
    expect(doc.machines.press.servers).toBe(1);
  });
});
