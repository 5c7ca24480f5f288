import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

/**
 * A mock API's HTTP server on 127.0.0.1: reads each request's body, waits while `held()` gives a
 * promise (the request has not reached the server yet: one whose sender gives up meanwhile never
 * does), waits `delayMs()` (the "slow answers" switch), then hands it to `handle`. Idle keep-alive
 * connections stay open (Node's 5 s default races Chromium's reuse of them and gives
 * ERR_EMPTY_RESPONSE).
 */
export async function serve(
  handle: Handler,
  delayMs: () => number,
  port = 0,
  held: () => Promise<void> | undefined = () => undefined,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    let body = '';
    // The client gave up before an answer (its connection closed).
    let gone = false;
    res.on('close', () => (gone = !res.writableFinished));
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const go = () => {
        const delay = delayMs();
        if (delay > 0) setTimeout(() => handle(req, res, body), delay);
        else handle(req, res, body);
      };
      const gate = held();
      // A request its sender gave up on while held never reached the server (a browser closed,
      // an extension's worker replaced by an update): it is dropped unseen.
      if (gate) void gate.then(() => (gone ? undefined : go()));
      else go();
    });
  });
  server.keepAliveTimeout = 10 * 60_000;
  server.headersTimeout = 10 * 60_000 + 1000;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Answers with a status and a body: JSON (a string is sent as it is) unless `headers` say otherwise. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}
