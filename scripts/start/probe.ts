import { type Deployment, JsonRpc, RetryableError, readDeployment } from '@ae/core';

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const onAbort = () => {
      clearTimeout(t);
      resolve();
    };
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

/**
 * Polls `check` until it returns a value, the deadline passes or the signal aborts. The launcher prints a URL
 * only after this saw it answer, never because a process merely started.
 */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined>,
  opts: { timeoutMs: number; intervalMs?: number; signal?: AbortSignal },
): Promise<T> {
  const deadline = Date.now() + opts.timeoutMs;
  while (!opts.signal?.aborted) {
    const v = await check().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline)
      throw new RetryableError(`${what} did not answer within ${Math.round(opts.timeoutMs / 1000)} s`);
    await sleep(opts.intervalMs ?? 500, opts.signal);
  }
  throw new RetryableError(`stopped while waiting for ${what}`);
}

/** The HTTP status of a GET of the URL; undefined while nothing answers there. */
export async function httpStatus(url: string): Promise<number | undefined> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(10_000), redirect: 'manual' });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return undefined;
  }
}

/** One GraphQL request against the public API (the same door a user goes through). */
export async function graphql<T>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(15_000),
  });
  const body = (await res.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length)
    throw new RetryableError(`GraphQL error: ${body.errors.map((e) => e.message).join('; ')}`);
  if (!body.data) throw new RetryableError(`GraphQL answered ${res.status} without data`);
  return body.data;
}

/**
 * The deployment file once the contracts it names have code on the chain: a file left from an earlier chain
 * does not count until the devnet has deployed (or found) the protocol again.
 */
export async function deployedOn(rpcUrl: string, file: string): Promise<Deployment | undefined> {
  let d: Deployment | undefined;
  try {
    d = readDeployment(file);
  } catch {
    return undefined; // half-written or from another version: not deployed yet
  }
  if (!d) return undefined;
  const rpc = new JsonRpc(rpcUrl, { timeoutMs: 3_000 });
  const codes = await rpc.batch<string>(
    Object.values(d.contracts).map((a) => ({ method: 'eth_getCode', params: [a, 'latest'] })),
  );
  return codes.every((c) => c !== '0x') ? d : undefined;
}
