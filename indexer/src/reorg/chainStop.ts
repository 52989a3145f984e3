import type { BaseError } from '@ae/core';
import type { IndexerConfig } from '../config.js';
import { type DeepReorg, FinalityGuard } from './finalityGuard.js';

/** Exit code of the indexer when the indexed chain is gone: a reorg deeper than finality, a replaced chain. */
export const DEEP_REORG_EXIT_CODE = 3;
/** Exit code when the RPC node keeps answering inconsistently (logs its own receipts contradict). */
export const RPC_INTEGRITY_EXIT_CODE = 4;

interface FatalLog {
  fatal(fields: object, msg: string): void;
}

/**
 * The project's own stops, one place for every "the chain I indexed is gone" case and for a node that keeps
 * lying: a one-line fatal log and a documented exit code, before the processor starts and every 5 s while it
 * runs. When the processor itself dies (its own message for these cases is an internal assertion such as
 * "already indexed block … was not found on chain", exit 1), the supervisor asks `explainExit`.
 */
export class ChainStop {
  private readonly guard: FinalityGuard;

  constructor(
    private readonly cfg: IndexerConfig,
    private readonly log: FatalLog,
  ) {
    this.guard = new FinalityGuard(cfg.databaseUrl, cfg.rpcUrl);
  }

  /** Stops with DEEP_REORG_EXIT_CODE when the chain is gone already (a restart on a replaced chain). */
  async beforeStart(): Promise<void> {
    const r = await this.guard.check();
    if (r) this.reorg(r);
  }

  /** While the processor runs: checks the guard every 5 s. */
  watch(): void {
    setInterval(() => {
      void this.guard.check().then((r) => r && this.reorg(r));
    }, 5_000).unref();
  }

  reorg(r: DeepReorg): never {
    this.log.fatal(
      { ...r, finality: this.cfg.finalityConfirmations },
      FinalityGuard.message(r, this.cfg.finalityConfirmations),
    );
    process.exit(DEEP_REORG_EXIT_CODE);
  }

  /** Ends this process so that its supervisor starts the processor again (a same-height reorg to roll back). */
  restart(code: number): never {
    process.exit(code);
  }

  /** The RPC front's verdict: the node keeps answering incomplete logs. Nothing partial was indexed. */
  rpcIntegrity(e: BaseError): never {
    this.log.fatal({ code: e.code, details: e.details }, `indexing stopped: ${e.shortMessage}`);
    process.exit(RPC_INTEGRITY_EXIT_CODE);
  }
}

/**
 * In the supervisor, when the processor exited with an error: was the indexed chain gone? Then the project's
 * message and DEEP_REORG_EXIT_CODE instead of the processor's own code (asked for 5 s at most; a node that
 * does not answer leaves the code as it was).
 */
export async function explainExit(cfg: IndexerConfig, log: FatalLog, code: number): Promise<number> {
  const guard = new FinalityGuard(cfg.databaseUrl, cfg.rpcUrl);
  const r = await Promise.race([
    guard.check().catch(() => undefined),
    new Promise<undefined>((done) => setTimeout(() => done(undefined), 5_000).unref()),
  ]);
  if (!r) return code;
  log.fatal(
    { ...r, finality: cfg.finalityConfirmations },
    FinalityGuard.message(r, cfg.finalityConfirmations),
  );
  return DEEP_REORG_EXIT_CODE;
}
