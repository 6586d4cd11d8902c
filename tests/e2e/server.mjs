// A static file server for the built widget that records every request it answers, so tests can
// prove that answering the questionnaire sends nothing. Also the server behind scripts/serve.sh.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.wasm': 'application/wasm', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml',
};

/**
 * Serves `root` on 127.0.0.1. `headersFor(path)` may add response headers per path (the tests use
 * it to send a Content-Security-Policy with one page); `handlers[path]` may answer a path itself
 * (the tests use it to stream a body without a Content-Length, or never to answer).
 */
export async function startServer(root, port = 0, { headersFor = () => ({}), handlers = {} } = {}) {
  const base = resolve(root);
  const requests = [];
  const server = createServer(async (request, response) => {
    requests.push({ method: request.method, url: request.url, at: Date.now() });
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    if (handlers[path]) {
      handlers[path](request, response);
      return;
    }
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      // CORS lets a sandboxed iframe (an opaque origin) load the widget's modules, as a CDN would.
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        'access-control-allow-origin': '*',
        ...(headersFor(path) ?? {}),
      });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((done) => server.listen(port, '127.0.0.1', done));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${address.port}/`,
    requests,
    close: () => new Promise((done) => server.close(done)),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = 'dist', port = '8080'] = process.argv.slice(2);
  const served = await startServer(root, Number(port));
  console.log(`Prescreen is served at ${served.url} (from ${root}); Ctrl+C stops it.`);
}
