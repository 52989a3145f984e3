import type { Handle } from '@sveltejs/kit';
import { SECURITY_HEADERS } from '$lib/security/securityHeaders.js';

/**
 * Apollo reads the content-type of GraphQL responses fetched during SSR, so that header must be
 * serialised with them; plus the hardening headers next to kit.csp (static assets get them in main.ts, which
 * serves them before SvelteKit sees the request).
 */
export const handle: Handle = async ({ event, resolve }) => {
  const response = await resolve(event, {
    filterSerializedResponseHeaders: (name) => name === 'content-type',
  });
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
};
