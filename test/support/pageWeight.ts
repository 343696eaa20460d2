import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  /** Each JS or CSS file the page loads up front, as its path under the site root. */
  files: Array<{ href: string; bytes: number; gzipBytes: number }>;
  bytes: number;
  gzipBytes: number;
}

const TAG = /<(script|link)\b([^>]*)>/g;
const attribute = (attributes: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attributes)?.[1];

/**
 * The JS and CSS a built page (`dist/<page>`) loads before it can run: its module scripts, the chunks Vite
 * lists as modulepreload (every chunk those scripts import statically) and its stylesheets. Gzip at level 6,
 * what servers and Vite's own report use.
 */
export function pageWeight(distDir: string, page: string): PageWeight {
  const html = fs.readFileSync(path.join(distDir, page), 'utf8');
  const hrefs: string[] = [];
  for (const [, tag, attributes] of html.matchAll(TAG)) {
    const rel = attribute(attributes!, 'rel');
    const href = tag === 'script' ? attribute(attributes!, 'src') : rel === 'modulepreload' || rel === 'stylesheet' ? attribute(attributes!, 'href') : undefined;
    if (href && !hrefs.includes(href)) hrefs.push(href);
  }
  const files = hrefs.map((href) => {
    const content = fs.readFileSync(path.join(distDir, href));
    return { href, bytes: content.length, gzipBytes: gzipSync(content, { level: 6 }).length };
  });
  return { files, bytes: files.reduce((n, f) => n + f.bytes, 0), gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0) };
}
