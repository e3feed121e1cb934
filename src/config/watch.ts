/** Optional file watch for reloads (SIGHUP is the primary way); debounced, since editors write in bursts. */
import { watch } from 'node:fs';
import { dirname } from 'node:path';

export function watchConfig(file: string, onChange: () => void): () => void {
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(dirname(file), { recursive: true }, (_event, name) => {
    if (!name || !/\.ya?ml$/.test(name.toString())) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, 200);
  });
  watcher.unref();
  return () => watcher.close();
}
