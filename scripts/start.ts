/**
 * `npm start`: the whole system on one machine, from one command. The logic lives in scripts/start/;
 * this file only turns its outcome into lines and an exit code.
 */
import { BaseError, formatRecord, logFormat } from '@ae/core';
import { bannerLines } from './start/banner.js';
import { loadStartConfig } from './start/config.js';
import { helpText } from './start/help.js';
import { launch } from './start/launch.js';
import { launcherLine } from './start/logLine.js';

const format = logFormat(process.env, process.stdout.isTTY === true);
const say = (line: string) => console.log(launcherLine(line, format));

async function main(): Promise<number> {
  const cfg = loadStartConfig(process.argv.slice(2));
  if (cfg.help) {
    process.stdout.write(helpText());
    return 0;
  }
  const abort = new AbortController();
  let stopping: Promise<void> | undefined;
  let signals = 0;
  let stopFn: (() => Promise<void>) | undefined;
  const onSignal = (sig: NodeJS.Signals) => {
    signals++;
    if (signals > 1) {
      say(`${sig} again: exiting now`);
      process.exit(130);
    }
    say(`${sig}: stopping every service (Ctrl-C again to exit at once)`);
    abort.abort();
    if (stopFn) stopping = stopFn();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);

  let running: Awaited<ReturnType<typeof launch>> | undefined;
  const banner = () => {
    if (!running) return;
    if (format === 'json')
      console.log(
        formatRecord('json', 'info', 'ready', {
          service: 'start',
          explorer: running.explorerUrl,
          graphql: running.graphqlUrl,
          rpc: running.rpcUrl,
        }),
      );
    else console.log(bannerLines(running).join('\n'));
  };
  try {
    running = await launch(cfg, {
      signal: abort.signal,
      format,
      // the URLs again once the first sync is done: by then they have scrolled away under progress lines
      onFirstSync: banner,
    });
  } catch (e) {
    if (!abort.signal.aborted) throw e;
    say('stopped');
    return 130;
  }
  stopFn = running.stop;
  if (abort.signal.aborted) {
    await running.stop();
    return 130;
  }
  banner();
  process.on('SIGUSR1', banner);
  if (process.stdin.isTTY) {
    // Enter reprints the URLs (line mode: Ctrl-C still reaches us as SIGINT)
    process.stdin.on('data', banner);
    process.stdin.unref();
  }
  const outcome = await Promise.race([
    running.failure.then(
      () => 0,
      (e: unknown) => e,
    ),
    new Promise<0>((resolve) => abort.signal.addEventListener('abort', () => resolve(0), { once: true })),
  ]);
  if (outcome !== 0) {
    report(outcome);
    await running.stop();
    return 1;
  }
  await (stopping ?? running.stop());
  say('stopped');
  return 0;
}

function report(e: unknown): void {
  if (e instanceof BaseError) {
    console.error(`npm start: ${e.shortMessage}`);
    if (e.details && process.env.DEBUG) console.error(e.details);
  } else console.error('npm start failed:', e);
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    report(e);
    process.exit(1);
  },
);
