import type { ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const bodies = new WeakMap<object, Uint8Array<ArrayBuffer>>();

/** An execution result whose response body is already serialised (by a heavy worker). */
export function rawResult(body: Uint8Array<ArrayBuffer>): ExecutionResult {
  const carrier = {};
  bodies.set(carrier, body);
  return carrier;
}

/** Sends a rawResult's body as it is, instead of serialising the result again on the main thread. */
export function rawResultPlugin(): Plugin {
  return {
    onResultProcess({ result, setResultProcessor }) {
      const body = result && typeof result === 'object' ? bodies.get(result) : undefined;
      if (body === undefined) return;
      setResultProcessor(
        (_r, fetchAPI) =>
          new fetchAPI.Response(body, {
            status: 200,
            headers: { 'content-type': 'application/json; charset=utf-8' },
          }),
        'application/json',
      );
    },
  };
}
