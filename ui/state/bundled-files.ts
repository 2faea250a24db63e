/**
 * The loader's readFile over the files a loader holds (the bundled CSV traces by path, and the
 * CSV files the user gave the page: see bundledReader and pageFiles). Only the map's own entries count: a trace named
 * `../constructor` or `../__proto__` is a missing file, not a member of Object. A missing file
 * throws, so the scenario's problem says it cannot be read and how to give the page the file.
 */
export function fileReader(files: ReadonlyMap<string, string>): (path: string) => string {
  return (path) => {
    const text = files.get(path);
    if (text === undefined) {
      // A user file is in the map twice (beside a bundled scenario and at the top): named once.
      const known = [...files.keys()].filter((key) => !(key.startsWith('scenarios/') && files.has(key.slice('scenarios/'.length)))).join(', ');
      throw new Error(
        `no such file; the page reads its bundled data files and the CSV files you give it${known ? ` (${known})` : ''}: ` +
          'to give it a file, choose it with "Choose CSV files" below the editor, or drop it on the page',
      );
    }
    return text;
  };
}
