import { createReadStream, statSync, type Stats } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';

/** Content types of the files a static site holds; others are served as bytes. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  '.yml': 'text/yaml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** The content type for a file name. */
export function contentType(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `root` that a request path names, or undefined when the
 * path is malformed or leaves `root` (`..`, encoded or not, absolute
 * paths, NUL bytes). A path ending in `/` names its `index.html`.
 */
export function resolveRequestPath(root: string, urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return undefined;
  }
  if (path.includes('\0') || path.includes('\\') || !path.startsWith('/')) return undefined;
  if (path.split('/').some((part) => part === '..')) return undefined;
  const base = resolve(root);
  const file = resolve(join(base, path.endsWith('/') ? `${path}index.html` : path));
  return file === base || file.startsWith(base + sep) ? file : undefined;
}

function send(res: ServerResponse, status: number, text: string, head = false): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  res.end(head ? undefined : `${text}\n`);
}

function handle(root: string, req: IncomingMessage, res: ServerResponse): void {
  const head = req.method === 'HEAD';
  if (req.method !== 'GET' && !head) {
    res.setHeader('Allow', 'GET, HEAD');
    send(res, 405, 'method not allowed');
    return;
  }
  const file = resolveRequestPath(root, req.url ?? '/');
  if (file === undefined) {
    send(res, 400, 'bad request', head);
    return;
  }
  let stats: Stats | undefined;
  try {
    stats = statSync(file);
    if (stats.isDirectory()) {
      // A folder without the trailing slash: send the browser to it, so relative URLs resolve inside it.
      // Leading slashes are collapsed so that the redirect cannot name another host ("//host").
      const location = `/${(req.url ?? '/').split(/[?#]/)[0].replace(/^\/+/, '')}/`;
      res.writeHead(301, { Location: location });
      res.end();
      return;
    }
  } catch {
    stats = undefined;
  }
  if (stats === undefined || !stats.isFile()) {
    send(res, 404, 'not found', head);
    return;
  }
  res.writeHead(200, {
    'Content-Type': contentType(file),
    'Content-Length': stats.size,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  if (head) {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/** A running static server and its address (`http://127.0.0.1:PORT/`). */
export interface StaticServer {
  readonly server: Server;
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves the files under `root` over HTTP (GET and HEAD) on `host`
 * (127.0.0.1 unless given) and `port` (0: any free port). Never serves a
 * file outside `root`.
 *
 * @throws (rejects) when the port cannot be listened on, e.g. EADDRINUSE.
 */
export function serveStatic(options: { root: string; port: number; host?: string }): Promise<StaticServer> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer((req, res) => handle(options.root, req, res));
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      const { port } = server.address() as AddressInfo;
      resolvePromise({
        server,
        port,
        url: `http://${host}:${port}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
