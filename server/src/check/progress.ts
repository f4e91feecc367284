// `checked 120/4000 files` on stderr while a long `pythonic check` runs in a
// terminal, rewritten in place and erased before the report. Never written when
// stderr is a pipe or a file: logs and CI output stay free of it.
import { performance } from 'node:perf_hooks';

/** Fewer files than this finish too soon for a progress line to help. */
const PROGRESS_MIN_FILES = 100;
/** Redraw at most this often (ms): a terminal repaint per tiny file would cost more than checking it. */
const REDRAW_MS = 100;

export interface Progress {
  /** One more file has its result. */
  advance(): void;
  /** Erases the line. */
  done(): void;
}

const SILENT: Progress = { advance() {}, done() {} };

/** `checked`: files already answered (from the cache). */
export function startProgress({ total, checked }: { total: number; checked: number }, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total < PROGRESS_MIN_FILES) return SILENT;
  let drawn = -Infinity;
  let shown = false;
  return {
    advance() {
      checked++;
      const now = performance.now();
      if (now - drawn < REDRAW_MS && checked < total) return;
      drawn = now;
      shown = true;
      stream.write(`\rchecked ${checked}/${total} files`);
    },
    done() {
      // Carriage return, then erase to the end of the line.
      if (shown) stream.write('\r\x1b[K');
    },
  };
}
