import type { ErrorCode } from '@ae/core/errors';
import { loadConfig } from '../../config.js';
import type { RequestHandler } from './$types';

const config = loadConfig();
const MAX_BODY = 256 * 1024;

function apiDown(message: string, status = 503): Response {
  return new Response(
    JSON.stringify({ errors: [{ message, extensions: { code: 'API_UNAVAILABLE' satisfies ErrorCode } }] }),
    {
      status,
      headers: { 'content-type': 'application/json' },
    },
  );
}

/**
 * Same-origin proxy to the GraphQL API: keeps the CSP at connect-src 'self', lets the API URL be a
 * server-side setting, and turns an unreachable API into a GraphQL error the pages can explain.
 */
export const POST: RequestHandler = async ({ request }) => {
  const body = await request.text();
  if (body.length > MAX_BODY) return apiDown('Query too large', 413);
  try {
    const res = await fetch(config.apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body,
      signal: AbortSignal.timeout(config.apiTimeoutMs),
    });
    const text = await res.text();
    return new Response(text, {
      status: res.status,
      headers: { 'content-type': res.headers.get('content-type') ?? 'application/json' },
    });
  } catch (e) {
    const timedOut = e instanceof Error && e.name === 'TimeoutError';
    return apiDown(timedOut ? 'The API did not answer in time' : 'The API is unreachable. Is it running?');
  }
};
