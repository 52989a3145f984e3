import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../lib/security/securityHeaders.js';
import { withSecurityHeaders } from './withSecurityHeaders.js';

async function serve(handler: RequestListener, path: string) {
  const server = createServer(withSecurityHeaders(handler));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const { port } = server.address() as AddressInfo;
    return await fetch(`http://127.0.0.1:${port}${path}`);
  } finally {
    server.close();
  }
}

describe('withSecurityHeaders', () => {
  it('adds nosniff to responses written the way sirv writes static assets (writeHead with its own headers)', async () => {
    const res = await serve((_req, r) => {
      r.writeHead(200, {
        'content-type': 'text/javascript',
        'cache-control': 'public, max-age=31536000, immutable',
      });
      r.end('export {}');
    }, '/_app/immutable/entry/start.js');
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) expect(res.headers.get(k)).toBe(v);
    expect(res.headers.get('content-type')).toBe('text/javascript');
  });

  it('adds them to errors and redirects too', async () => {
    const res = await serve((_req, r) => {
      r.statusCode = 404;
      r.end('not found');
    }, '/_app/nope.js');
    expect(res.status).toBe(404);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
