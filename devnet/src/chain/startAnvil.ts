import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { ANVIL_MNEMONIC } from '@ae/contracts/devnet';
import { JsonRpc, RetryableError, UserError } from '@ae/core';
import { anvilBinary } from './anvilBinary.js';

export const OPENLEDGER_CHAIN_ID = 1612;

export interface AnvilOptions {
  /** Port to listen on; 0 or undefined picks a free one. */
  port?: number;
  host?: string;
  chainId?: number;
  /** Seconds per block; undefined mines every transaction at once. */
  blockTime?: number;
  /** Accounts derived from the mnemonic and funded at genesis. */
  accounts?: number;
  /** Genesis balance of each account, in whole OPEN. */
  balance?: number;
  gasLimit?: bigint;
  /** A file to load the chain state from and dump it to on exit (persistence across restarts). */
  statePath?: string;
  /**
   * Timestamp of a new chain's genesis block (anvil --timestamp; later blocks follow at wall-clock pace from
   * there). Ignored when statePath already holds a chain.
   */
  genesisTimestamp?: number;
  /** Lines of anvil's output go here (silent by default). */
  log?: (line: string) => void;
}

export interface Anvil {
  rpcUrl: string;
  port: number;
  chainId: number;
  process: ChildProcess;
  /** Stops anvil and waits for it to exit (it dumps its state first when statePath was set). */
  stop(): Promise<void>;
}

/**
 * Starts anvil and resolves once it answers JSON-RPC. Tests call it once per file with no port, so files
 * running side by side never share a chain.
 */
export async function startAnvil(opts: AnvilOptions = {}): Promise<Anvil> {
  const attempts = opts.port ? 1 : 3;
  let last: unknown;
  for (let i = 0; i < attempts; i++) {
    const port = opts.port || (await freePort());
    try {
      return await launch(port, opts);
    } catch (e) {
      last = e;
    }
  }
  throw last;
}

async function launch(port: number, opts: AnvilOptions): Promise<Anvil> {
  const host = opts.host ?? '127.0.0.1';
  const chainId = opts.chainId ?? OPENLEDGER_CHAIN_ID;
  const args = [
    '--port',
    String(port),
    '--host',
    host,
    '--chain-id',
    String(chainId),
    '--mnemonic',
    ANVIL_MNEMONIC,
  ];
  args.push('--accounts', String(opts.accounts ?? 20), '--balance', String(opts.balance ?? 1_000_000));
  args.push('--gas-limit', String(opts.gasLimit ?? 1_000_000_000n), '--code-size-limit', '100000');
  if (opts.blockTime !== undefined) args.push('--block-time', String(opts.blockTime));
  if (opts.statePath) args.push('--state', opts.statePath);
  if (opts.genesisTimestamp !== undefined && !(opts.statePath && existsSync(opts.statePath)))
    args.push('--timestamp', String(opts.genesisTimestamp));
  const child = spawn(anvilBinary(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const onData = (chunk: Buffer) => {
    const text = chunk.toString();
    if (output.length < 8_000) output += text;
    if (opts.log) for (const line of text.split('\n')) if (line.trim()) opts.log(line);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const rpcUrl = `http://${host}:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new UserError(`anvil exited with code ${child.exitCode} before answering on ${rpcUrl}`, {
        details: output,
      });
    }
    if (await rpcAnswers(rpcUrl)) return { rpcUrl, port, chainId, process: child, stop };
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new RetryableError(`anvil did not answer on ${rpcUrl} within 30 s`, { details: output });
}

/** Whether a JSON-RPC node answers eth_chainId at rpcUrl within a second. */
export async function rpcAnswers(rpcUrl: string): Promise<boolean> {
  return new JsonRpc(rpcUrl, { timeoutMs: 1_000 })
    .call('eth_chainId')
    .then(() => true)
    .catch(() => false);
}

/** A port the OS considers free right now (anvil is retried on another one if it is taken meanwhile). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
