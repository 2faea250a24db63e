import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COURSE, coursePlace } from '../../../sim/index.js';

const bundled = readdirSync('scenarios')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.replace(/\.yaml$/, ''))
  .sort();

describe('the course (the lesson path)', () => {
  it('has every bundled scenario as a lesson, once, and nothing else', () => {
    const lessons = COURSE.map((l) => l.scenario);
    expect(new Set(lessons).size).toBe(lessons.length);
    expect([...lessons].sort()).toEqual(bundled);
  });

  it('is the order of the instructor guide’s table', () => {
    const guide = readFileSync('examples/instructor-guide.md', 'utf8');
    const rows = [...guide.matchAll(/^\| (\d+) \| `([^`]+)` \|/gm)].map((m) => ({ number: Number(m[1]), scenario: m[2] }));
    expect(rows).toEqual(COURSE.map((l, i) => ({ number: i + 1, scenario: l.scenario })));
  });

  it('leads from each lesson to the next, and from the last to none', () => {
    const first = coursePlace(COURSE[0].scenario)!;
    expect(first).toMatchObject({ number: 1, total: COURSE.length, next: COURSE[1] });
    const last = coursePlace(COURSE[COURSE.length - 1].scenario)!;
    expect(last.number).toBe(COURSE.length);
    expect(last.next).toBeNull();
    expect(coursePlace('my-own-plant')).toBeNull();
  });
});
