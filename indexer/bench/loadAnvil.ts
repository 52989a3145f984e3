import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { ANVIL_MNEMONIC } from '@ae/contracts/devnet';
import { anvilBinary, freePort, OPENLEDGER_CHAIN_ID, rpcAnswers } from '@ae/devnet';

/**
 * Anvil on a kept bench chain: what devnet's startAnvil runs (same chain id, mnemonic, accounts, gas and code
 * size limits), but waiting as long as loading takes (startAnvil gives up after 30 s; a 330 MB medium state
 * took longer on the loaded machine, the 1.7 GB large one takes minutes) and stopped with SIGKILL: the state is
 * a throwaway copy, so its dump is not needed.
 */
export async function loadAnvil(
  statePath: string,
  timeoutMs = 900_000,
): Promise<{ rpcUrl: string; process: ChildProcess; stop(): Promise<void> }> {
  const port = await freePort();
  const args = ['--port', String(port), '--host', '127.0.0.1', '--chain-id', String(OPENLEDGER_CHAIN_ID)];
  args.push('--mnemonic', ANVIL_MNEMONIC, '--accounts', '20', '--balance', '1000000');
  args.push('--gas-limit', '1000000000', '--code-size-limit', '100000', '--state', statePath);
  const child = spawn(anvilBinary(), args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr?.on('data', (b: Buffer) => {
    if (err.length < 8_000) err += b.toString();
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  };
  const rpcUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`anvil exited with ${child.exitCode} loading ${statePath}: ${err}`);
    if (await rpcAnswers(rpcUrl)) return { rpcUrl, process: child, stop };
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error(`anvil did not answer within ${timeoutMs / 1000} s loading ${statePath}`);
}
