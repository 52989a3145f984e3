import type { Handle } from '@sveltejs/kit';

/**
 * Apollo reads the content-type of GraphQL responses fetched during SSR, so that header must be
 * serialised with them; plus the usual hardening headers next to kit.csp.
 */
export const handle: Handle = async ({ event, resolve }) => {
  const response = await resolve(event, {
    filterSerializedResponseHeaders: (name) => name === 'content-type',
  });
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('referrer-policy', 'no-referrer');
  return response;
};
