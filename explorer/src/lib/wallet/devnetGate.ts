import { isLocalDevnet } from '@ae/contracts/devnet';
import type { ExplorerConfig } from '../../config.js';

let answer: { until: number; ok: Promise<boolean> } | undefined;

/**
 * Whether the devnet signer (the named explorer auditor's public key, and the /rpc proxy it sends through)
 * is on: EXPLORER_DEVNET_SIGNER asks for it, and the chain at RPC_URL must answer as a local anvil devnet, so
 * the same setting pointed at a real chain stays inert. Asked again after a minute (a no within seconds: the devnet may start
 * after the explorer). Server only.
 */
export function devnetSignerEnabled(
  config: Pick<ExplorerConfig, 'devnetSigner' | 'rpcUrl'>,
): Promise<boolean> {
  if (!config.devnetSigner || !config.rpcUrl) return Promise.resolve(false);
  const now = Date.now();
  if (!answer || now > answer.until) {
    const ok = isLocalDevnet(config.rpcUrl, 3_000);
    const entry = { until: now + 60_000, ok };
    answer = entry;
    // a "no" (the devnet not up yet) is asked again within seconds
    void ok.then((yes) => {
      if (!yes) entry.until = Date.now() + 5_000;
    });
  }
  return answer.ok;
}
