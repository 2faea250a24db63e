/**
 * The loader's readFile over the files the page holds (the bundled CSV traces), by path. Only the
 * map's own entries count: a trace named `../constructor` or `../__proto__` is a missing file, not
 * a member of Object. A missing file throws, so the scenario's problem says it cannot be read.
 */
export function fileReader(files: ReadonlyMap<string, string>): (path: string) => string {
  return (path) => {
    const text = files.get(path);
    if (text === undefined) {
      const known = [...files.keys()].join(', ');
      throw new Error(`no such file; the page reads only its bundled data files${known ? ` (${known})` : ''}`);
    }
    return text;
  };
}
