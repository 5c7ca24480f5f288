import { createServer } from 'node:http';
import { readFile, readdir } from 'node:fs/promises';
import { join, normalize, extname } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURES = fileURLToPath(new URL('../tests/fixtures/', import.meta.url));
const HELPDESKS = join(FIXTURES, 'helpdesks');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.css': 'text/css',
  '.png': 'image/png',
};

/**
 * Help-desk fixtures by the address they imitate ("northwind.zendesk.com/agent/tickets/1042"),
 * read from each fixture's expectations block, plus the same-origin API answers they declare.
 */
async function indexHelpdeskFixtures() {
  const pages = new Map();
  const api = new Map();
  let files = [];
  try {
    files = (await readdir(HELPDESKS)).filter((f) => f.endsWith('.html'));
  } catch {
    return { pages, api };
  }
  for (const file of files) {
    const html = await readFile(join(HELPDESKS, file), 'utf8');
    const m = /<script type="application\/json" id="backstory-fixture">([\s\S]*?)<\/script>/.exec(html);
    if (!m) continue;
    const expect = JSON.parse(m[1]);
    const url = new URL(expect.url);
    pages.set(url.host + url.pathname + url.search, join(HELPDESKS, file));
    for (const [path, body] of Object.entries(expect.api ?? {})) api.set(url.host + path, body);
  }
  return { pages, api };
}

/**
 * Serves tests/fixtures on 127.0.0.1 (a random free port unless given). /spa/* answers with the
 * single-page help desk so that pushState URLs survive a reload.
 *
 * It is also an HTTP proxy for the browser tests (Chromium's --proxy-server): a request for
 * http://northwind.zendesk.com/agent/tickets/1042 is answered with the fixture that imitates that
 * address, so adapters are tested on their real URL patterns. Nothing leaves the machine.
 */
export async function startFixtureServer(port = 0) {
  const { pages, api } = await indexHelpdeskFixtures();
  const server = createServer(async (req, res) => {
    const raw = req.url ?? '/';
    if (/^https?:\/\//i.test(raw)) return proxied(new URL(raw), res);
    const url = new URL(raw, 'http://127.0.0.1');
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

  /** The fixture answer for an absolute help-desk URL, or undefined. */
  async function answer(url) {
    const key = url.host + url.pathname + url.search;
    if (api.has(key)) return { contentType: 'application/json', body: JSON.stringify(api.get(key)) };
    const file = pages.get(key);
    return file ? { contentType: 'text/html; charset=utf-8', body: await readFile(file) } : undefined;
  }

  async function proxied(url, res) {
    const found = await answer(url);
    if (!found) return void res.writeHead(404, { 'content-type': 'text/plain' }).end(`no fixture for ${url.href}`);
    res.writeHead(200, { 'content-type': found.contentType }).end(found.body);
  }

  // Node closes idle keep-alive connections after 5 s; Chromium reusing one at that moment gets
  // ERR_EMPTY_RESPONSE (seen in CI). Idle connections stay open for the length of a test run.
  server.keepAliveTimeout = 10 * 60_000;
  server.headersTimeout = 10 * 60_000 + 1000;
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  return {
    origin: `http://127.0.0.1:${address.port}`,
    proxy: `http://127.0.0.1:${address.port}`,
    answer,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}
