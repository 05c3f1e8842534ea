import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentType, resolveRequestPath, serveStatic, type StaticServer } from '../../sim/run/serveStatic.js';
import { packageRoot } from '../../sim/scenario/packageRoot.js';

/** A raw GET, so that paths reach the server exactly as written (fetch would normalise `..`). */
function get(url: string, path: string, method = 'GET'): Promise<{ status: number; type: string; body: string; location?: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body, location: res.headers.location }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static server', () => {
  let folder: string;
  let server: StaticServer;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'migsim-serve-'));
    const site = join(folder, 'site');
    mkdirSync(join(site, 'sub'), { recursive: true });
    writeFileSync(join(site, 'index.html'), '<p>home</p>');
    writeFileSync(join(site, 'app.js'), 'var x = 1;');
    writeFileSync(join(site, 'style.css'), 'p {}');
    writeFileSync(join(site, 'sub', 'index.html'), '<p>sub</p>');
    writeFileSync(join(folder, 'secret.txt'), 'secret');
    server = await serveStatic({ root: site, port: 0 });
  });

  afterAll(async () => {
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 at the port it reports', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves files with their content types, and a folder by its index.html', async () => {
    expect(await get(server.url, '/')).toMatchObject({ status: 200, type: 'text/html; charset=utf-8', body: '<p>home</p>' });
    expect(await get(server.url, '/app.js?v=1')).toMatchObject({ status: 200, type: 'text/javascript; charset=utf-8' });
    expect(await get(server.url, '/style.css')).toMatchObject({ status: 200, type: 'text/css; charset=utf-8' });
    expect(await get(server.url, '/sub/')).toMatchObject({ status: 200, body: '<p>sub</p>' });
    expect(await get(server.url, '/sub')).toMatchObject({ status: 301, location: '/sub/' });
    expect(await get(server.url, '/app.js', 'HEAD')).toMatchObject({ status: 200, body: '' });
  });

  it('answers 404 for missing files and 405 for other methods', async () => {
    expect((await get(server.url, '/missing.js')).status).toBe(404);
    expect((await get(server.url, '/', 'POST')).status).toBe(405);
  });

  it('never serves a file outside its folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/sub/../../secret.txt', '/..%2fsecret.txt', '/%2e%2e%5csecret.txt', '/app.js%00.html']) {
      const res = await get(server.url, path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.body, path).not.toContain('secret');
    }
    expect((await get(server.url, '//sub')).location ?? '/sub/').toBe('/sub/');
  });

  it('resolves request paths inside the root only', () => {
    const root = join(folder, 'site');
    expect(resolveRequestPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveRequestPath(root, '/a%20b.js')).toBe(join(root, 'a b.js'));
    expect(resolveRequestPath(root, '/../x')).toBeUndefined();
    expect(resolveRequestPath(root, '/%E0%A4%A')).toBeUndefined();
    expect(contentType('x.svg')).toBe('image/svg+xml');
    expect(contentType('x.unknown')).toBe('application/octet-stream');
  });
});

describe('migsim serve', () => {
  const root = packageRoot();
  const cli = join(root, 'dist', 'sim', 'cli.js');

  it.skipIf(!existsSync(cli))('says how to build the page when web/dist is missing', () => {
    // A copy of the built command line in a package without web/dist.
    const folder = mkdtempSync(join(tmpdir(), 'migsim-nodist-'));
    try {
      cpSync(join(root, 'dist'), join(folder, 'dist'), { recursive: true });
      cpSync(join(root, 'package.json'), join(folder, 'package.json'));
      symlinkSync(join(root, 'node_modules'), join(folder, 'node_modules'), 'dir');
      const result = spawnSync(process.execPath, [join(folder, 'dist', 'sim', 'cli.js'), 'serve', '--port', '0'], { encoding: 'utf8', timeout: 60_000 });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('npm run build:web');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
