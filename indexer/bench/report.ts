import type { FollowRun } from './followHead.js';
import type { IndexRun } from './indexOnce.js';

const f = (x: number, d = 0) =>
  x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

/** The Markdown the benchmark prints (pasted into BENCHMARKS.md): runs, ratios, time split, write profile. */
export function printReport(source: string, runs: IndexRun[], follow: FollowRun): void {
  const [full, batched, fkOn, baseline, hot, hotBaseline, allIndexes] = runs;
  console.log(`\nchain: ${source}; ${f(full.events)} protocol events\n`);
  console.log(
    '| run | events | events/s | wall s | peak RSS MB | decode s | load s | apply s | write s | outside handler s |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of runs) {
    console.log(
      `| ${r.label} | ${f(r.events)} | ${f(r.eventsPerSecond)} | ${f(r.wallMs / 1000, 1)} | ${f(r.peakRssMb)} | ${f(r.decodeMs / 1000, 1)} | ${f(r.loadMs / 1000, 1)} | ${f(r.applyMs / 1000, 1)} | ${f(r.writeMs / 1000, 1)} | ${f((r.wallMs - r.handlerMs) / 1000, 1)} |`,
    );
  }
  console.log(
    `\nbatched / row per event: backfill ${f(batched.eventsPerSecond / baseline.eventsPerSecond, 1)}×, every block hot ${f(hot.eventsPerSecond / hotBaseline.eventsPerSecond, 1)}×; foreign-key triggers skipped / on: ${f(batched.eventsPerSecond / fkOn.eventsPerSecond, 2)}×`,
  );
  console.log(
    `state digests: batched ${batched.digest === baseline.digest && batched.digest === fkOn.digest ? 'equal' : 'DIFFER'} across batched, FK_CHECKS=on and row per event; every block hot ${hot.digest === hotBaseline.digest ? 'equal' : 'DIFFER'}`,
  );
  console.log(
    `whole chain, ${full.deferredIndexes} secondary indexes deferred and built at the end (${f(full.indexBuildMs / 1000, 1)} s, in its wall time) / maintained throughout (INDEX_DEFERRAL=off): ${f(full.eventsPerSecond / allIndexes.eventsPerSecond, 2)}×, write ${f(full.writeMs / 1000, 1)} s / ${f(allIndexes.writeMs / 1000, 1)} s; state digests ${full.digest === allIndexes.digest ? 'equal' : 'DIFFER'}`,
  );
  console.log(`\nwrite time by table, whole-chain backfill (${f(full.writeMs / 1000, 1)} s):\n`);
  console.log('| table | rows | s | µs/row |');
  console.log('| --- | ---: | ---: | ---: |');
  const tables = Object.entries(full.writes).sort((a, b) => b[1].ms - a[1].ms);
  for (const [t, w] of tables.slice(0, 8))
    console.log(`| ${t} | ${f(w.rows)} | ${f(w.ms / 1000, 1)} | ${f((w.ms * 1000) / w.rows)} |`);
  console.log(
    `\nfollowing the head (every new block hot, finality 10): ${follow.rounds} bursts, ${f(follow.events)} events; the index held each burst a median ${f(follow.catchUpMedianMs)} ms (max ${f(follow.catchUpMaxMs)} ms) after its last block, head polling included: ${f(follow.hotEventsPerSecond)} events/s while catching up`,
  );
}
