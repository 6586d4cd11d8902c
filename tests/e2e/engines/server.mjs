// The static server behind the three-engine tests: tests/e2e/server.mjs's job (serve dist/, record
// every request) plus what Playwright's routes did for the Chromium-only tests, done on the server
// so that it works in every engine, WebKitWebDriver included, which can neither route nor block:
// - `pages`: extra pages by path (variants of the demo pages), and `files`: other extra files;
// - `/__init/<token>/…`: any page with a script injected as the first element of <head>, the init
//   script for engines without one of their own (see webkit.mjs), and its files from dist/;
// - `/__without/<file>/…`: any page, with <file> answered 404 (a module that fails to load);
// - `hold(path)`: that file is answered only once the test releases it (a slow connection).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml',
};

/**
 * Serves `root` on 127.0.0.1. `headersFor(path)` adds response headers by path (after any prefix
 * above is taken off, so a page keeps its Content-Security-Policy when an init script is injected);
 * `pages[path]` is the HTML for an extra page, `files[path]` an extra file as {type, body}.
 */
export async function startTestServer(root, { headersFor = () => ({}), pages = {}, files = {} } = {}) {
  const base = resolve(root);
  const requests = [];
  const initScripts = new Map();
  const held = new Map();
  const server = createServer(async (request, response) => {
    requests.push({ method: request.method, url: request.url, at: Date.now() });
    let path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    await held.get(path);
    let initToken = null;
    let missing = null;
    const init = path.match(/^\/__init\/([a-z0-9]+)(\/.*)$/);
    if (init) [, initToken, path] = init;
    const without = path.match(/^\/__without\/([^/]+)(\/.*)$/);
    if (without) [, missing, path] = without;
    if (initToken && path === '/__init.js') {
      response.writeHead(200, { 'content-type': TYPES['.js'], 'cache-control': 'no-store' });
      response.end(initScripts.get(initToken) ?? '');
      return;
    }
    const headers = { 'cache-control': 'no-store', 'access-control-allow-origin': '*', ...(headersFor(path) ?? {}) };
    if (missing && path === `/${missing}`) {
      response.writeHead(404, { 'content-type': 'text/plain', ...headers }).end('not found');
      return;
    }
    let body;
    let type;
    if (path in pages) {
      body = Buffer.from(pages[path]);
      type = TYPES['.html'];
    } else if (path in files) {
      body = Buffer.from(files[path].body);
      type = files[path].type;
    } else {
      let file = normalize(join(base, path));
      if (!file.startsWith(base)) {
        response.writeHead(403).end();
        return;
      }
      try {
        if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
        body = await readFile(file);
        type = TYPES[extname(file)] ?? 'application/octet-stream';
      } catch {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
    }
    if (initToken && type === TYPES['.html']) {
      // A classic, parser-blocking script as the first thing in <head> runs before any script of
      // the page (module scripts wait for parsing), which is what an init script promises.
      body = Buffer.from(String(body).replace(/<head>/i, `<head><script src="/__init/${initToken}/__init.js"></script>`));
    }
    response.writeHead(200, { 'content-type': type, ...headers });
    response.end(body);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return {
    url,
    requests,
    /** Registers `source` as an init script; pages under the returned prefix run it first. */
    initScriptPrefix(source) {
      const token = `s${initScripts.size + 1}`;
      initScripts.set(token, source);
      return `/__init/${token}`;
    },
    /** Holds back every answer for `path` until the returned function is called. */
    hold(path) {
      let release;
      held.set(path, new Promise((done) => { release = done; }));
      return () => { held.delete(path); release(); };
    },
    close: () => new Promise((done) => { server.closeAllConnections?.(); server.close(done); }),
  };
}
