import { appendFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Address } from 'viem';
import type { AttributionKind } from './plan.js';

/** One line of `live-truth.jsonl`: what the live phase did that the chain does not say (which postings lie). */
export type LiveTruthLine =
  | {
      event: 'posted';
      tick: number;
      attributionId: string;
      inferenceId: string;
      kind: AttributionKind;
      poster: Address;
      /** Block timestamp of the posting: its challenge window runs from here. */
      postedAt: number;
    }
  | { event: 'proposed'; tick: number; proposalId: string; description: string }
  | { event: 'proposal-ended'; tick: number; proposalId: string; state: string }
  | {
      event: 'frivolous-dispute';
      tick: number;
      attributionId: string;
      disputeId: string;
      challenger: Address;
    };

export const LIVE_TRUTH_FILE = 'live-truth.jsonl';

/**
 * Appends to `<dataDir>/live-truth.jsonl` (one JSON object a line, so a Ctrl-C loses at most the line being
 * written): the live phase's counterpart of scenario-truth.json, for tests and for anyone checking that
 * every lie was caught. Without a data directory it writes nothing.
 */
export class LiveTruth {
  private readonly file: string | undefined;
  private ready: Promise<unknown> | undefined;

  constructor(dataDir: string | undefined) {
    this.file = dataDir ? join(dataDir, LIVE_TRUTH_FILE) : undefined;
  }

  async add(lines: readonly LiveTruthLine[]): Promise<void> {
    if (!this.file || lines.length === 0) return;
    this.ready ??= mkdir(dirname(this.file), { recursive: true });
    await this.ready;
    await appendFile(this.file, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
  }
}
