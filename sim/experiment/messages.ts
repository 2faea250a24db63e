// Every warning text of the experiment layer, written once (STYLE.md: messages in one place).
// Each says what was found, with the figures, and what to do.

const fmt = (x: number): string => (Math.abs(x) >= 100 ? x.toFixed(0) : Number(x.toPrecision(3)).toString());

export const WARN = {
  censoredWaits: (item: string, waiting: number, customers: number) =>
    `${waiting} of ${customers} customer orders of ${item} were still waiting at the end of the run; their waits are counted up to the horizon, so avgCustomerWait is a lower bound. Lengthen time.horizon.`,
  warmupTooShort: (warmup: number, suggested: number, unit: string) =>
    `The warm-up (${warmup} ${unit}) looks too short: levels settle after about ${suggested} ${unit} (MSER); consider time.warmup >= ${suggested}.`,
  tooFewReplications: (kpi: string, needed: number, have: number) =>
    `${kpi} would need about ${needed} replications for a ±5% half-width (have ${have}); use more replications.`,
  fmt,
};
