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
 * lying: a one-line fatal log and a documented exit code, before the processor starts, every 5 s while it runs,
 * and when it dies (its own message for these cases is an internal assertion such as "already indexed block …
 * was not found on chain", exit 1).
 */
export class ChainStop {
  private readonly guard: FinalityGuard;
  private readonly realExit = process.exit.bind(process);
  private exiting = false;

  constructor(
    private readonly cfg: IndexerConfig,
    private readonly log: FatalLog,
  ) {
    this.guard = new FinalityGuard(cfg.databaseUrl, cfg.rpcUrl, cfg.stateSchema);
  }

  /** Stops with DEEP_REORG_EXIT_CODE when the chain is gone already (a restart on a replaced chain). */
  async beforeStart(): Promise<void> {
    const r = await this.guard.check();
    if (r) this.reorg(r);
  }

  /**
   * While the processor runs: checks the guard every 5 s, and when the processor exits with an error, first
   * asks the guard whether the chain is gone. The processor exits the process itself (it offers no way to catch
   * its errors), so its exit is wrapped; the exit code is otherwise the processor's.
   */
  watch(): void {
    process.exit = ((code?: number) => {
      if (this.exiting || !code) return this.realExit(code);
      this.exiting = true;
      void Promise.race([
        this.guard.check(),
        new Promise<undefined>((r) => setTimeout(() => r(undefined), 5_000)),
      ]).then((r) => (r ? this.reorg(r) : this.realExit(code)));
      return undefined as never;
    }) as typeof process.exit;
    setInterval(() => {
      void this.guard.check().then((r) => r && this.reorg(r));
    }, 5_000).unref();
  }

  reorg(r: DeepReorg): void {
    this.log.fatal(
      { ...r, finality: this.cfg.finalityConfirmations },
      FinalityGuard.message(r, this.cfg.finalityConfirmations),
    );
    this.exiting = true;
    this.realExit(DEEP_REORG_EXIT_CODE);
  }

  /** The RPC front's verdict: the node keeps answering incomplete logs. Nothing partial was indexed. */
  rpcIntegrity(e: BaseError): void {
    this.log.fatal({ code: e.code, details: e.details }, `indexing stopped: ${e.shortMessage}`);
    this.exiting = true;
    this.realExit(RPC_INTEGRITY_EXIT_CODE);
  }
}
