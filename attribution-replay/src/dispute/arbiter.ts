import { attributionRegistryAbi } from '@ae/contracts';
import { COLUMN, TABLE } from '@ae/core/tables';
import {
  type Address,
  createPublicClient,
  createWalletClient,
  type Hex,
  http,
  type PublicClient,
} from 'viem';
import type { HDAccount, LocalAccount } from 'viem/accounts';
import { mustNotBePaid, type Verdict } from '../verify/verdict.js';
import { loadPostings } from '../worker/indexedReads.js';
import { type ProcessDeps, processAttributions } from '../worker/processJobs.js';
import { checkEvidence, type EvidenceCheck } from './checkEvidence.js';
import { describeReverted, sendContractCall } from './sendContractCall.js';

export interface Ruling {
  disputeId: string;
  attributionId: string;
  upheld: boolean;
  /** The arbiter's own canonical replay. */
  verdict: Verdict;
  /** What the challenger's evidence document turned out to be. */
  evidence: EvidenceCheck;
  txHash?: Hex;
}

/**
 * The devnet's arbiter (the named `arbiter` account, which holds ARBITER_ROLE): for every open dispute it
 * replays the attribution itself on the canonical CPU runner — from the indexed posting and the artifact
 * store, not from the challenger's claim — and checks the challenger's evidence document against the
 * posting. Upheld exactly when its own replay says the posting must not be paid (MISMATCH, or evidence
 * missing, corrupt or of an unknown method: the poster is slashed and nobody is paid); otherwise rejected
 * (the challenger's bond is forfeited and the posting settles after its window). A dispute the index does
 * not fully know yet (model not indexed) waits for the next round.
 */
export class Arbiter {
  private readonly client: PublicClient;
  private readonly wallet;
  /** Disputes already ruled on by this process, until the index shows them resolved. */
  private readonly ruled = new Set<string>();

  constructor(
    private readonly deps: ProcessDeps,
    rpcUrl: string,
    private readonly registry: Address,
    account: HDAccount | LocalAccount,
    private readonly log: (line: string) => void,
  ) {
    this.client = createPublicClient({ transport: http(rpcUrl), pollingInterval: 250 });
    this.wallet = createWalletClient({ account, transport: http(rpcUrl) });
  }

  get address(): Address {
    return this.wallet.account.address;
  }

  /** Rules on every open dispute the index shows; returns the rulings sent. */
  async tick(): Promise<Ruling[]> {
    const open = await this.deps.db.query<{ id: string; attribution_id: string; evidence_hash: Hex }>(
      `SELECT id, attribution_id, evidence_hash FROM ${TABLE.dispute} WHERE ${COLUMN.dispute.status} = 'OPEN' ORDER BY opened_block, id::numeric`,
    );
    const out: Ruling[] = [];
    for (const d of open.rows) {
      if (this.ruled.has(d.id)) continue;
      const r = await this.rule(d.id, d.attribution_id, d.evidence_hash);
      if (r) out.push(r);
    }
    const openIds = new Set(open.rows.map((d) => d.id));
    for (const id of this.ruled) if (!openIds.has(id)) this.ruled.delete(id);
    return out;
  }

  /** Replays, checks the evidence and sends resolveDispute; undefined when the dispute must wait. */
  async rule(disputeId: string, attributionId: string, evidenceHash: Hex): Promise<Ruling | undefined> {
    const [, , , open] = (await this.client.readContract({
      address: this.registry,
      abi: attributionRegistryAbi,
      functionName: 'disputes',
      args: [BigInt(disputeId)],
    })) as readonly [bigint, Address, bigint, boolean];
    if (!open) {
      this.ruled.add(disputeId); // resolved on chain already; the index will catch up
      return undefined;
    }
    const [replayed] = await processAttributions({ ...this.deps, disputer: undefined, warn: undefined }, [
      attributionId,
    ]);
    const verdict = replayed.verdict;
    if (verdict.indexGap || !replayed.posting) return undefined;
    const posting = (await loadPostings(this.deps.db, [attributionId])).get(attributionId)!;
    const evidence = await checkEvidence(this.deps.artifacts, evidenceHash, posting, verdict);
    const upheld = mustNotBePaid(verdict);
    const sent = await sendContractCall(this.client, this.wallet, {
      address: this.registry,
      abi: attributionRegistryAbi,
      functionName: 'resolveDispute',
      args: [BigInt(disputeId), upheld],
    });
    const txHash = sent.hash;
    if (sent.receipt.status !== 'success') {
      // left open for the next round, which reads the dispute's state again
      this.log(
        `arbiter: ruling on dispute ${disputeId} reverted (${describeReverted(sent)}); retrying next round`,
      );
      return undefined;
    }
    this.ruled.add(disputeId);
    this.log(
      `arbiter: dispute ${disputeId} of attribution ${attributionId} ${upheld ? 'UPHELD (poster slashed, nobody paid)' : 'REJECTED (bond forfeited)'}: ` +
        `own canonical replay ${verdict.verdict}${verdict.maxDeviationPpm ? ` (largest deviation ${verdict.maxDeviationPpm} ppm)` : ''}` +
        `${verdict.verdict === 'UNVERIFIABLE' ? ` (${verdict.reason})` : ''}; challenger's evidence ${evidence.summary}; ` +
        `arbiter's evidence ${verdict.evidenceHash} (tx ${txHash})`,
    );
    return { disputeId, attributionId, upheld, verdict, evidence, txHash };
  }
}

/** Runs arbiter.tick every intervalMs until stop() (a failed round is logged and retried). */
export function runArbiter(arbiter: Arbiter, intervalMs: number, log: (l: string) => void) {
  let stopped = false;
  let wake: (() => void) | undefined;
  const loop = (async () => {
    while (!stopped) {
      try {
        await arbiter.tick();
      } catch (e) {
        log(`arbiter: round failed, retrying: ${(e as Error).message.split('\n')[0]}`);
      }
      await new Promise<void>((r) => {
        wake = r;
        setTimeout(r, intervalMs);
      });
    }
  })();
  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
