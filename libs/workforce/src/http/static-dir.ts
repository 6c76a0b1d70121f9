import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The page's folder (plain HTML and ES modules, no build step): ../../web from the sources; a
 * tsc build does not copy it, so the source tree's folder is used unless web/ was copied.
 */
export function workforceStaticDir(): string {
  const candidates = [
    resolve(__dirname, '../../web'),
    resolve(__dirname, '../../../../../libs/workforce/web'),
  ];
  const found = candidates.find((dir) => existsSync(resolve(dir, 'quota-day.html')));
  if (!found) throw new Error(`quota-day page not found in ${candidates.join(' or ')}`);
  return found;
}
