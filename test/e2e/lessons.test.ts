// The lesson path: each bundled scenario says where it stands in the course (sim/report/course.ts)
// and opens the next lesson with one button, the picker following.
import { describe, expect, it } from 'vitest';
import { COURSE, coursePlace } from '../../sim/index.js';
import { RUN_TIMEOUT, scenarioText, squash, useSuite } from './harness.js';

const suite = useSuite('lessons');

describe('the lesson path', () => {
  it('names the lesson and opens the next one, to the end of the course', async () => {
    const app = await suite.open();
    const lesson = app.page.locator('sawtooth-app nav.lesson');
    const headline = coursePlace('jit-eoq-batch')!;
    expect(squash(await lesson.locator('span').first().textContent())).toBe(`Lesson ${headline.number} of ${COURSE.length}: ${headline.lesson.title}`);

    const next = headline.next!;
    await app.settle(() => lesson.getByRole('button').click());
    expect(await app.picker.inputValue()).toBe(next.scenario);
    expect(await app.editor.inputValue()).toBe(scenarioText(next.scenario));
    await expect.poll(() => lesson.locator('span').first().textContent(), { timeout: RUN_TIMEOUT }).toContain(`Lesson ${headline.number + 1} of`);
    await app.screenshot('lesson-path');

    const last = COURSE[COURSE.length - 1];
    await app.pick(last.scenario);
    expect(squash(await lesson.textContent())).toBe(`Lesson ${COURSE.length} of ${COURSE.length}: ${last.title} The last lesson of the course.`);
    expect(await lesson.getByRole('button').count()).toBe(0);
    expect(app.errors).toEqual([]);
  });
});
