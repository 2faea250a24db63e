/** A progress bar on a terminal's stderr for work over a second; silent in pipes, in CI and with --quiet. */
export function progressBar(label: string, quiet: boolean): (done: number, total: number) => void {
  const stream = process.stderr;
  if (quiet || !stream.isTTY || process.env.CI) return () => {};
  const start = performance.now();
  let shown = false;
  return (done, total) => {
    if (!shown && performance.now() - start < 1000 && done < total) return;
    shown = true;
    const width = 30;
    const filled = Math.round((width * done) / total);
    const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
    stream.write(`\r${label} ${bar} ${done}/${total}`);
    if (done === total) stream.write('\r\x1b[2K');
  };
}
