import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from '../lib/security/securityHeaders.js';

/**
 * Wraps adapter-node's handler so every response has the security headers. Why here and not only in
 * hooks.server.ts: the handler serves `/_app/*` and `static/` with sirv before SvelteKit (and its hooks) see
 * the request, so the hook never touches those responses.
 */
export function withSecurityHeaders(handler: RequestListener): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    return handler(req, res);
  };
}
