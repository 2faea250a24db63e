// The bundled scenarios as a course on inventory and production planning (issue 15, "a lesson
// path"): the order a class takes them in and what each lesson is called. The page's "next
// lesson" and the instructor guide (examples/instructor-guide.md, whose table a test holds to this
// order) read it from here; what each lesson shows is checked per file in
// test/scenarios/bundled.test.ts.

export interface Lesson {
  /** The bundled scenario's file name without extension, e.g. `eoq-cost-curve`. */
  scenario: string;
  /** What the lesson is about, as a course outline would name it. */
  title: string;
}

/** The course, first lesson first. Every bundled scenario is a lesson, once. */
export const COURSE: readonly Lesson[] = [
  { scenario: 'eoq-cost-curve', title: 'The sawtooth and the EOQ' },
  { scenario: 'service-level-safety-stock', title: 'Safety stock and the service level' },
  { scenario: 'supplier-disruption', title: 'When the supplier is late: lead-time variance' },
  { scenario: 'periodic-vs-continuous', title: 'Periodic against continuous review' },
  { scenario: 'jit-eoq-batch', title: 'JIT against EOQ against batch' },
  { scenario: 'smed-setup-times', title: 'Setup reduction (SMED) makes JIT pay' },
  { scenario: 'bottleneck-line', title: "Buffers, the bottleneck and Little's law" },
  { scenario: 'job-shop-mto-vs-mts', title: 'Make to order against make to stock' },
  { scenario: 'demand-shock', title: 'When demand changes: pull notices, push does not' },
  { scenario: 'mrp-push-vs-pull', title: 'Push against pull: MRP and DDMRP' },
  { scenario: 'mrp-planned-lead-times', title: 'Planned lead times and forecast bias' },
  { scenario: 'beer-game', title: 'The bullwhip: the Beer Game' },
  { scenario: 'csv-demand-trace', title: 'A real order history' },
  { scenario: 'erp-history-kanban', title: "A planner's ERP export" },
  { scenario: 'challenge-beat-the-batch', title: 'Challenge: beat the batch' },
  { scenario: 'challenge-cheapest-kanban', title: 'Challenge: the cheapest kanban with 95% fill' },
  { scenario: 'challenge-beer-game', title: 'Challenge: the Beer Game below a cost' },
];

/** Where a scenario stands in the course: its lesson, its number (from 1), the total, and the next lesson (null after the last). */
export interface CoursePlace {
  lesson: Lesson;
  number: number;
  total: number;
  next: Lesson | null;
}

/** The place of a bundled scenario in the course, or null for one that is not a lesson (the user's own). */
export function coursePlace(scenario: string): CoursePlace | null {
  const index = COURSE.findIndex((l) => l.scenario === scenario);
  if (index < 0) return null;
  return { lesson: COURSE[index], number: index + 1, total: COURSE.length, next: COURSE[index + 1] ?? null };
}
