import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticFile {
  body: Buffer;
  type: string;
  /** index.html must never be cached (it names the hashed bundles of this build). */
  cacheControl: string;
}

/**
 * Resolves a URL path inside `root` (never outside it: `..`, encoded separators and NUL are refused) and
 * falls back to index.html for unknown paths without an extension, so client-side routes reload.
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | 'not-found' | 'forbidden'> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return 'forbidden';
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return 'forbidden';
  const base = resolve(root);
  const target = resolve(base, '.' + normalize('/' + decoded));
  if (target !== base && !target.startsWith(base + sep)) return 'forbidden';

  const isIndex = target === base || extname(target) === '';
  const file = isIndex && !(await isFile(target)) ? join(base, 'index.html') : target;
  if (!(await isFile(file))) return 'not-found';
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const cacheControl = file.endsWith('index.html') ? 'no-store' : file.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache';
  return { body: await readFile(file), type, cacheControl };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}
