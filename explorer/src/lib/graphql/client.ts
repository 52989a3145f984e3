import { ERROR_CODES, errorCodeOf, isUserErrorCode } from '@ae/core/errors';
import { ApolloClient, CombinedGraphQLErrors, HttpLink, InMemoryCache, ServerError } from '@apollo/client';
import { error } from '@sveltejs/kit';
import type { DocumentNode } from 'graphql';

/** The browser and SSR both talk to the explorer's own `/graphql` proxy (see routes/graphql/+server.ts). */
export const GRAPHQL_PATH = '/graphql';

type Fetch = typeof fetch;
let browserClient: ApolloClient | null = null;

/**
 * One Apollo client per page load on the server (it must use SvelteKit's `fetch` to reach the proxy
 * and must not share a cache between users), one for the whole session in the browser.
 */
export function getClient(fetchFn: Fetch = fetch): ApolloClient {
  const make = () =>
    new ApolloClient({
      link: new HttpLink({ uri: GRAPHQL_PATH, fetch: fetchFn }),
      cache: new InMemoryCache(),
      defaultOptions: { query: { fetchPolicy: 'no-cache' }, watchQuery: { fetchPolicy: 'no-cache' } },
    });
  if (typeof window === 'undefined') return make();
  browserClient ??= make();
  return browserClient;
}

/** Runs a query and turns failures into SvelteKit errors a page can show (API down → 503). */
export async function query<T = Record<string, unknown>>(
  fetchFn: Fetch,
  doc: DocumentNode,
  variables: Record<string, unknown> = {},
): Promise<T> {
  try {
    const res = await getClient(fetchFn).query<T>({ query: doc, variables });
    if (res.error) throw res.error;
    return res.data as T;
  } catch (e) {
    throw toKitError(e);
  }
}

/**
 * What a page shows for a failed query, decided by the error code (the one table in @ae/core): a caller's
 * mistake is a 4xx with the API's own short message, an outage says the API is unreachable, anything else is
 * the API's error.
 */
export function describeError(e: unknown): { status: number; message: string } {
  if (CombinedGraphQLErrors.is(e)) {
    const first = e.errors[0];
    const code = errorCodeOf((first?.extensions as { code?: unknown } | undefined)?.code);
    if (code === 'API_UNAVAILABLE') return { status: 503, message: 'The API is unreachable. Is it running?' };
    if (isUserErrorCode(code))
      return { status: ERROR_CODES[code].status, message: first?.message ?? 'Bad request' };
    if (ERROR_CODES[code].retryable)
      return { status: 503, message: first?.message ?? 'The API is busy; try again' };
    return { status: 502, message: first?.message ?? 'The API returned an error' };
  }
  if (ServerError.is(e))
    return { status: e.statusCode === 503 ? 503 : 502, message: 'The API is unreachable. Is it running?' };
  return { status: 503, message: 'The API is unreachable. Is it running?' };
}

function toKitError(e: unknown): Error {
  if (e && typeof e === 'object' && 'status' in e && 'body' in e) return e as unknown as Error; // already a kit error
  const { status, message } = describeError(e);
  if (typeof window === 'undefined' && status >= 500) console.error('[explorer] API query failed:', e);
  try {
    error(status, message);
  } catch (kitErr) {
    return kitErr as Error;
  }
  return new Error(message);
}

/** Throws a 404 page that names what was asked for, instead of rendering an empty page. */
export function notFound(kind: string, id: string): never {
  error(404, `No ${kind} with id “${id}” is indexed.`);
}
