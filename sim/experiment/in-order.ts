/**
 * A callback for results that arrive in any order (from worker threads) which hands them on in
 * index order 0, 1, 2, …: a result that arrives early waits for those before it. Folding in one
 * fixed order makes parallel runs give serial runs' numbers bit for bit.
 */
export function inIndexOrder<T>(fold: (index: number, value: T) => void): (index: number, value: T) => void {
  const early = new Map<number, T>();
  let next = 0;
  return (index, value) => {
    early.set(index, value);
    for (let found = early.get(next); found !== undefined; found = early.get(next)) {
      early.delete(next);
      fold(next++, found);
    }
  };
}
