import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm start` runs the compiled `dist/`: after a `git pull` or an edit without `npm run build` it
 * would run old code without a word. This names the newest source file changed since the build
 * (a few milliseconds: one directory walk), or undefined when the build is current — or when the
 * sources run directly (tsx), where there is no build to be stale.
 */
export function sourceNewerThanBuild(entry: string = import.meta.url): string | undefined {
  if (!entry.endsWith('.js')) return undefined;
  const here = fileURLToPath(entry);
  const marker = `${path.sep}dist${path.sep}`;
  const at = here.lastIndexOf(marker);
  if (at < 0) return undefined;
  const root = here.slice(0, at);
  // Every build writes every output (it is not incremental), this file among them.
  const built = statSync(here).mtimeMs;
  let newest: { file: string; mtime: number } | undefined;
  for (const folder of ['src', 'commands']) {
    let files: string[];
    try {
      files = readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' });
    } catch {
      continue;
    }
    for (const file of files) {
      if (!/\.(?:ts|json)$/.test(file)) continue;
      const mtime = statSync(path.join(root, folder, file)).mtimeMs;
      if (mtime > built && (!newest || mtime > newest.mtime)) {
        newest = { file: path.join(folder, file), mtime };
      }
    }
  }
  return newest?.file;
}
