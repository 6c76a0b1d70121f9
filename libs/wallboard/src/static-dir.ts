import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Absolute path of the wallboard page (index.html, CSS, ES modules; no build step). From the
 * sources it is ../web; from a tsc build (dist/libs/wallboard/src) the page is not copied, so the
 * source tree's folder is used unless the build copied web/ next to src/.
 */
export function wallboardStaticDir(): string {
  const candidates = [
    resolve(__dirname, '../web'),
    resolve(__dirname, '../../../../libs/wallboard/web'),
  ];
  const found = candidates.find((dir) => existsSync(resolve(dir, 'index.html')));
  if (!found) throw new Error(`wallboard page not found in ${candidates.join(' or ')}`);
  return found;
}
