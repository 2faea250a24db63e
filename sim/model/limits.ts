// What one replication may hold and do. The scenario schema bounds every number a file gives by
// the first six, so that costs and levels stay finite through a run (a holding cost of 1e308
// reached Infinity): amounts of at most 1e12 over a window of at most 1e9 time units and a
// bounded number of events. The last three stop a run whose events or queues outgrow memory (an
// event storm, a machine that cannot keep up) with a message instead of an out-of-memory abort.

/** The largest cost, quantity, level, capacity, rate or distribution parameter in a scenario. */
export const MAX_AMOUNT = 1e12;
/** The longest horizon (and warm-up): every total is an amount times at most this much time. */
export const MAX_HORIZON = 1e9;
/** The longest gap, period, offset or time of a change: beyond the horizon it only never comes (`every: 1e12` releases once). */
export const MAX_TIME = 1e12;
/** The most servers of one machine (each one an object with its own random streams). */
export const MAX_SERVERS = 1000;
/** The most cards of one kanban loop. */
export const MAX_CARDS = 1_000_000;
/** The most turns a game may have (`play`): a person types every order, and each turn runs the plant again from time 0. */
export const MAX_PLAY_TURNS = 500;
/** The most replications of one run (the results keep every replication's numbers). */
export const MAX_REPLICATIONS = 100_000;

/** Events one replication may fire unless the run says otherwise: 10× the longest bundled run, about 20 s of simulation. */
export const DEFAULT_MAX_EVENTS = 20_000_000;
/** The largest event budget a scenario may ask for (hours per replication). */
export const MAX_EVENTS = 1e10;
/** Orders that may wait in one queue (an item's backorders, a machine's production orders) or on the calendar: about 100 MB. */
export const DEFAULT_MAX_QUEUE = 1_000_000;
/** Planning runs and MRP items whose records a run's series keep (a chart's worth; 100 items × 26 buckets × 52 runs would be 1M numbers). */
export const MAX_RECORDED_RUNS = 104;
export const MAX_RECORDED_ITEMS = 20;
/** Buckets of time.bucket whose orders and demand a run's series keep (the bullwhip chart); a longer run keeps none. */
export const MAX_FLOW_BUCKETS = 2000;
