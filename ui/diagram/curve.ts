// The smooth line of a flow through the points of its route.
import type { Point } from './layout.js';

/** A B-spline through the route's points (d3's curveBasis): smooth bends that start and end on the route. */
export function basisPath(points: Point[]): string {
  const f = (n: number) => Math.round(n * 10) / 10;
  if (points.length < 3) return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${f(p.x)},${f(p.y)}`).join('');
  const bezier = (a: Point, b: Point, c: Point) =>
    `C${f((2 * a.x + b.x) / 3)},${f((2 * a.y + b.y) / 3)} ${f((a.x + 2 * b.x) / 3)},${f((a.y + 2 * b.y) / 3)} ${f((a.x + 4 * b.x + c.x) / 6)},${f((a.y + 4 * b.y + c.y) / 6)}`;
  const [p0, p1] = points;
  let d = `M${f(p0.x)},${f(p0.y)}L${f((5 * p0.x + p1.x) / 6)},${f((5 * p0.y + p1.y) / 6)}`;
  for (let i = 2; i < points.length; i++) d += bezier(points[i - 2], points[i - 1], points[i]);
  const last = points[points.length - 1];
  d += `${bezier(points[points.length - 2], last, last)}L${f(last.x)},${f(last.y)}`;
  return d;
}
