import { readFileSync, statSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { wallboardStaticDir } from '../static-dir';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Serves the page under /wallboard/ the way the product should: no traversal, JS as a module type. */
export function serveStatic(req: IncomingMessage, res: ServerResponse): boolean {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path === '/' || path === '/wallboard') {
    res.writeHead(302, { Location: '/wallboard/' }).end();
    return true;
  }
  if (!path.startsWith('/wallboard/')) return false;
  const root = wallboardStaticDir();
  const file = normalize(
    join(root, decodeURIComponent(path.slice('/wallboard/'.length)) || 'index.html'),
  );
  if (!file.startsWith(root + sep) || !TYPES[extname(file)]) return false;
  try {
    if (!statSync(file).isFile()) return false;
  } catch {
    return false;
  }
  res
    .writeHead(200, { 'Content-Type': TYPES[extname(file)]!, 'Cache-Control': 'no-cache' })
    .end(readFileSync(file));
  return true;
}
