import { protocolErrorsAbi } from '@ae/contracts';
import type { JsonRpc, JsonRpcOptions } from '@ae/core';
import { UserError } from '@ae/core';
import { type Address, decodeErrorResult, type Hex, type LocalAccount } from 'viem';
import { NonceBook } from './nonceBook.js';

/**
 * How the scenario talks to its node: no response-size cap (a block's receipts can be tens of MB on the large
 * preset) and minutes of patience for one batch of thousands of transactions.
 */
export const SCENARIO_RPC: JsonRpcOptions = { timeoutMs: 600_000, maxResponseBytes: false };

export interface TxRequest {
  from: LocalAccount;
  to: Address;
  data: Hex;
  value?: bigint;
  /** Upper bound of the gas the call uses; blocks are packed by it, so it must hold in any state. */
  gas: bigint;
  /** For error messages: what the scenario meant to do. */
  label: string;
}

export interface RawLog {
  address: Address;
  topics: Hex[];
  data: Hex;
  logIndex: Hex;
  blockNumber: Hex;
  transactionHash: Hex;
}

export interface MinedTx {
  request: TxRequest;
  hash: Hex;
  blockNumber: bigint;
  /** The block's timestamp (chosen by the runner). */
  timestamp: number;
  gasUsed: bigint;
  logs: RawLog[];
}

export interface BlockRunnerOptions {
  /** Timestamp of the first block mined; fixing it makes the whole event stream repeatable. */
  startTimestamp?: number;
  /** Used when startTimestamp is not given and this lies after the chain head (the seed's clock). */
  defaultStartTimestamp?: number;
  /** Seconds between consecutive blocks. */
  blockSeconds?: number;
  /** The chain's own block time (interval mining) to restore at stop(); undefined restores automine. */
  blockTimeAfter?: number;
}

/**
 * Mines the scenario's transactions in blocks it controls: automine off, signed locally with explicit
 * nonces, sent in order (equal fees, so anvil keeps submission order), then one `evm_mine` per block with a
 * timestamp it chooses and a zero base fee. The order of transactions, their timestamps and their gas cost
 * (zero) are therefore a function of the plan alone, which is what makes the same seed give the same logs,
 * and exact balance accounting possible.
 */
export class BlockRunner {
  private readonly nonces: NonceBook;
  private nextTimestamp = 0;
  private blockGasLimit = 30_000_000n;
  minedBlocks = 0;
  sentTxs = 0;
  /** Milliseconds spent signing+sending, mining, and reading receipts (where the time goes). */
  readonly ms = { send: 0, mine: 0, receipts: 0 };

  constructor(
    readonly rpc: JsonRpc,
    readonly chainId: number,
    private readonly opts: BlockRunnerOptions = {},
  ) {
    this.nonces = new NonceBook(rpc);
  }

  async start(): Promise<{ startBlock: bigint; startTimestamp: number }> {
    // manual mining: neither automine nor anvil's interval miner may mine a block the plan did not order
    await this.rpc.call('evm_setAutomine', [false]);
    await this.rpc.call('evm_setIntervalMining', [0]);
    const latest = await this.rpc.call<{ number: Hex; timestamp: Hex; gasLimit: Hex }>(
      'eth_getBlockByNumber',
      ['latest', false],
    );
    this.blockGasLimit = BigInt(latest.gasLimit);
    const after = Number(BigInt(latest.timestamp)) + 1;
    const seeded = this.opts.defaultStartTimestamp;
    const wanted = this.opts.startTimestamp ?? (seeded !== undefined && seeded >= after ? seeded : after);
    if (wanted < after) {
      throw new UserError('scenario start timestamp lies before the chain head', {
        meta: { wanted, head: after - 1 },
      });
    }
    this.nextTimestamp = wanted;
    return { startBlock: BigInt(latest.number) + 1n, startTimestamp: wanted };
  }

  /** Gives the chain back to its own mining (a devnet others keep using after the scenario). */
  async stop(): Promise<void> {
    if (this.opts.blockTimeAfter) await this.rpc.call('evm_setIntervalMining', [this.opts.blockTimeAfter]);
    else await this.rpc.call('evm_setAutomine', [true]);
  }

  get timestamp(): number {
    return this.nextTimestamp;
  }

  /** Moves the clock of the next block forward, e.g. past a challenge window or an unstake delay. */
  advanceTime(seconds: number): void {
    this.nextTimestamp += seconds;
  }

  /** Mines the transactions in as few blocks as their gas bounds allow, returning them in order. */
  async run(txs: readonly TxRequest[]): Promise<MinedTx[]> {
    const out: MinedTx[] = [];
    const budget = (this.blockGasLimit * 95n) / 100n;
    let block: TxRequest[] = [];
    let gas = 0n;
    for (const tx of txs) {
      if (block.length > 0 && gas + tx.gas > budget) {
        out.push(...(await this.mineBlock(block)));
        block = [];
        gas = 0n;
      }
      block.push(tx);
      gas += tx.gas;
    }
    if (block.length > 0) out.push(...(await this.mineBlock(block)));
    return out;
  }

  /** Mines an empty block (moves time on chain). */
  async mineEmpty(): Promise<void> {
    await this.mineBlock([]);
  }

  private async mineBlock(txs: TxRequest[]): Promise<MinedTx[]> {
    await this.nonces.load(txs.map((t) => t.from.address));
    let t = performance.now();
    // Zero base fee before the sends too: the pool admits a transaction against the next block's base fee.
    await this.rpc.call('anvil_setNextBlockBaseFeePerGas', ['0x0']);
    // One request per transaction, each sent after the previous one was accepted: anvil handles a JSON-RPC
    // batch concurrently, which would shuffle the pool's order. Signing the next transaction overlaps the
    // round trip of the previous one.
    const hashes: Hex[] = [];
    let inFlight: Promise<Hex> | undefined;
    for (const tx of txs) {
      const raw = await tx.from.signTransaction({
        type: 'eip1559',
        chainId: this.chainId,
        nonce: this.nonces.take(tx.from.address),
        to: tx.to,
        data: tx.data,
        value: tx.value ?? 0n,
        gas: tx.gas,
        maxFeePerGas: 1n,
        maxPriorityFeePerGas: 0n,
      });
      if (inFlight) hashes.push(await inFlight);
      inFlight = this.rpc.call<Hex>('eth_sendRawTransaction', [raw]);
    }
    if (inFlight) hashes.push(await inFlight);
    this.ms.send += performance.now() - t;
    t = performance.now();
    await this.rpc.batch([
      { method: 'anvil_setNextBlockBaseFeePerGas', params: ['0x0'] },
      { method: 'evm_setNextBlockTimestamp', params: [this.nextTimestamp] },
    ]);
    await this.rpc.call('evm_mine', []);
    const timestamp = this.nextTimestamp;
    this.nextTimestamp += this.opts.blockSeconds ?? 2;
    this.minedBlocks++;
    this.sentTxs += txs.length;
    this.ms.mine += performance.now() - t;
    t = performance.now();
    if (txs.length === 0) return [];
    const head = await this.rpc.call<Hex>('eth_blockNumber');
    const receipts = await this.rpc.call<RawReceipt[]>('eth_getBlockReceipts', [head]);
    this.ms.receipts += performance.now() - t;
    const byHash = new Map(receipts.map((r) => [r.transactionHash.toLowerCase(), r]));
    for (const [i, request] of txs.entries()) {
      const r = byHash.get(hashes[i].toLowerCase());
      if (r && r.status !== '0x1') {
        throw new UserError(`transaction reverted: ${request.label}`, {
          details: await revertReason(this.rpc, request, head),
          meta: { hash: hashes[i], from: request.from.address, to: request.to, gasUsed: r.gasUsed },
        });
      }
    }
    return txs.map((request, i) => {
      const r = byHash.get(hashes[i].toLowerCase());
      if (!r) throw new UserError(`transaction not mined: ${request.label}`, { meta: { hash: hashes[i] } });
      return {
        request,
        hash: hashes[i],
        blockNumber: BigInt(r.blockNumber),
        timestamp,
        gasUsed: BigInt(r.gasUsed),
        logs: r.logs,
      };
    });
  }
}

interface RawReceipt {
  transactionHash: Hex;
  status: Hex;
  blockNumber: Hex;
  gasUsed: Hex;
  logs: RawLog[];
}

/** Re-runs a reverted call on the block's state to name the protocol error (best effort, for the message). */
async function revertReason(rpc: JsonRpc, tx: TxRequest, block: Hex): Promise<string> {
  try {
    await rpc.call('eth_call', [
      {
        from: tx.from.address,
        to: tx.to,
        data: tx.data,
        value: `0x${(tx.value ?? 0n).toString(16)}`,
        gas: `0x${tx.gas.toString(16)}`,
      },
      block,
    ]);
    return 'the call succeeds on the block state (order-dependent revert)';
  } catch (e) {
    const data = (e as { details?: string }).details;
    try {
      const raw = data ? (JSON.parse(data) as unknown) : undefined;
      if (typeof raw === 'string' && raw.startsWith('0x')) {
        const d = decodeErrorResult({ abi: protocolErrorsAbi, data: raw as Hex });
        return `${d.errorName}(${(d.args ?? []).map(String).join(', ')})`;
      }
    } catch {
      // fall through to the node's message
    }
    return (e as Error).message;
  }
}
