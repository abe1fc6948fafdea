/** Counts shown by the progress bar. */
export interface Progress {
  total: number;
  written: number;
  unchanged: number;
  failed: number;
}

/**
 * One line that redraws itself on a terminal: a bar, the documents done out of all, what was left
 * unchanged or failed, and the time so far. `clear()` makes room for a message above it.
 */
export function progressBar(write: (text: string) => void, width = 24) {
  const started = Date.now();
  let shown = false;
  let last = 0;
  const progress: Progress = { total: 0, written: 0, unchanged: 0, failed: 0 };
  const draw = (force = false) => {
    const now = Date.now();
    if (!force && now - last < 80) return;
    last = now;
    const done = progress.written + progress.unchanged + progress.failed;
    // The archive adds files after the plan was made; the bar never shows more done than planned.
    progress.total = Math.max(progress.total, done);
    const filled = progress.total === 0 ? width : Math.round((done / progress.total) * width);
    const seconds = ((now - started) / 1000).toFixed(1);
    const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${progress.total} · ${progress.unchanged} unchanged · ${progress.failed} failed · ${seconds} s`;
    write(`\r\x1b[2K${line}`);
    shown = true;
  };
  return {
    progress,
    update: () => draw(),
    clear: () => {
      if (shown) write('\r\x1b[2K');
      shown = false;
    },
    finish: () => {
      if (progress.total > 0) draw(true);
      if (shown) write('\n');
      shown = false;
    },
  };
}
