/**
 * The process's log destination: lines are gathered and handed to pino's SonicBoom in blocks of
 * about 4 KB (and at least every second, and on exit). A write per request was a large share of a
 * request's CPU; SonicBoom's own `minLength` batching appends each line to one growing string and
 * measures its byte length on every write, which copies the whole pending block once per line.
 * Here the lines wait in an array and are joined once per block.
 */
import { pino } from 'pino';

const BLOCK_CHARS = 4096;
const FLUSH_INTERVAL_MS = 1000;

export interface LogDestination {
  write(line: string): void;
  /** Hands the gathered lines to the file descriptor now. */
  flushSync(): void;
}

export function createLogDestination(fd = 1): LogDestination {
  // Synchronous: the asynchronous mode costs about three times as much per write (its hand-off
  // to the thread pool), and with blocks there are few writes left to make.
  const sonic = pino.destination({ dest: fd, sync: true });
  let lines: string[] = [];
  let chars = 0;
  const flushSync = () => {
    if (lines.length === 0) return;
    const block = lines.length === 1 ? (lines[0] as string) : lines.join('');
    lines = [];
    chars = 0;
    sonic.write(block);
  };
  setInterval(flushSync, FLUSH_INTERVAL_MS).unref();
  process.on('exit', () => {
    flushSync();
    sonic.flushSync();
  });
  return {
    write(line) {
      lines.push(line);
      chars += line.length;
      if (chars >= BLOCK_CHARS) flushSync();
    },
    flushSync,
  };
}
