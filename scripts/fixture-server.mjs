import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, normalize, extname } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../tests/fixtures/', import.meta.url));
const TYPES = { '.html': 'text/html; charset=utf-8', '.csv': 'text/csv', '.json': 'application/json', '.css': 'text/css', '.png': 'image/png' };

/**
 * Serves tests/fixtures on 127.0.0.1 (a random free port unless given). /spa/* answers with the
 * single-page help desk so that pushState URLs survive a reload.
 */
export async function startFixtureServer(port = 0) {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let path = decodeURIComponent(url.pathname);
    if (path.startsWith('/spa/')) path = '/generic-spa.html';
    if (path === '/') path = '/generic-ticket-email.html';
    const file = normalize(join(FIXTURES, path));
    if (!file.startsWith(FIXTURES)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
