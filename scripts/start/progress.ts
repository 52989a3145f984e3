import { graphql } from './probe.js';

interface Status {
  indexerStatus: { headHeight: number | null; indexedHeight: number; lag: number | null };
}

/**
 * Progress of the first sync, read through the API's `indexerStatus` every few seconds: one line when the
 * indexed height moves, one when the indexer has caught up with the head (then `onDone`), then silence (the
 * services log their own progress).
 */
export function watchSync(
  graphqlUrl: string,
  log: (l: string) => void,
  until: Promise<unknown>,
  onDone?: () => void,
): void {
  const began = Date.now();
  let last = -1;
  let done = false;
  void until
    .catch(() => {})
    .finally(() => {
      done = true;
    });
  const tick = async () => {
    if (done) return;
    try {
      const { indexerStatus: s } = await graphql<Status>(
        graphqlUrl,
        '{ indexerStatus { headHeight indexedHeight lag } }',
      );
      if (s.headHeight !== null && s.indexedHeight >= s.headHeight - 1 && s.indexedHeight > 0) {
        log(
          `first sync done: block ${s.indexedHeight} indexed (${((Date.now() - began) / 1000).toFixed(0)} s)`,
        );
        onDone?.();
        return;
      }
      if (s.indexedHeight !== last) {
        last = s.indexedHeight;
        log(
          `sync: block ${s.indexedHeight} of ${s.headHeight ?? '?'}${s.lag !== null ? ` (${s.lag} behind)` : ''}`,
        );
      }
    } catch {
      // the API or the indexer's tables are not there yet
    }
    setTimeout(tick, 3_000).unref();
  };
  void tick();
}
