const SPLIT_LABEL: Record<string, string> = {
  protocolBps: 'protocol',
  modelOwnerBps: 'model owners',
  providerBps: 'providers',
  stakersBps: 'stakers',
  contributorsBps: 'contributors',
};
const pct = (bps: number) => `${bps / 100} %`;
const open = (wei: string) => {
  const v = BigInt(wei);
  const whole = v / 10n ** 18n;
  const frac = (v % 10n ** 18n).toString().padStart(18, '0').replace(/0+$/, '');
  return `${whole}${frac ? `.${frac}` : ''} OPEN`;
};
const GRANT_KIND = ['account', 'datanet', 'model'];
const ZERO_HASH = `0x${'0'.repeat(64)}`;

/** The governed approvals in words: a PoA method allowed or not, a curated datanet, a compute provider. */
function approvalWords(contract: string, functionName: string, args: unknown[]): string | undefined {
  if (contract === 'AttributionRegistry' && functionName === 'setMethod' && args.length === 3) {
    const pinned = typeof args[2] === 'string' && args[2].toLowerCase() !== ZERO_HASH;
    const params = pinned ? `, canonical parameters ${String(args[2]).toLowerCase()}` : '';
    return `method ${String(args[0])} ${args[1] === true ? 'allowed' : 'disallowed'}${args[1] === true ? params : ''}`;
  }
  if (contract === 'DatanetRegistry' && functionName === 'setApproval' && args.length === 2) {
    return `datanet ${args[0]} ${args[1] === true ? 'approved as curated' : 'no longer approved as curated'}`;
  }
  if (contract === 'ComputeRegistry' && functionName === 'setProviderApproval' && args.length === 2) {
    const who = String(args[0]).toLowerCase();
    return `compute provider ${who} ${args[1] === true ? 'approved' : 'no longer approved'}`;
  }
  return undefined;
}

/**
 * A proposal action in plain words ("fee split: contributors 40 % → 45 %"). `before` is the fee split in force
 * when the proposal was made (bps by field), so a change reads as from → to; args are the indexer's JSON.
 * Anything it does not know reads as the raw call, never an error: calldata is chain input.
 */
export function actionSummary(
  contract: string | null,
  functionName: string | null,
  argsJson: string | null,
  before?: Record<string, number>,
): string {
  if (!contract || !functionName || !argsJson) return 'call that the protocol ABIs do not decode';
  let args: unknown[];
  try {
    args = JSON.parse(argsJson) as unknown[];
  } catch {
    return `${contract}.${functionName}(…)`;
  }
  if (!Array.isArray(args)) return `${contract}.${functionName}(…)`;
  if (functionName === 'setSplit' && typeof args[0] === 'object' && args[0]) {
    const next = args[0] as Record<string, number>;
    const parts = Object.keys(SPLIT_LABEL)
      .filter((k) => !before || before[k] !== next[k])
      .map((k) => `${SPLIT_LABEL[k]} ${before ? `${pct(before[k])} → ` : ''}${pct(Number(next[k]))}`);
    return `fee split: ${parts.length ? parts.join(', ') : 'unchanged'}`;
  }
  if (functionName === 'setParameters' && args.length === 3) {
    return `challenge window ${args[0]} s, dispute bond ${open(String(args[1]))}, slash ${open(String(args[2]))}`;
  }
  if (functionName === 'setMinimums' && args.length === 3) {
    return `minimum poster stake ${open(String(args[0]))}, provider stake ${open(String(args[1]))}, unstake cooldown ${args[2]} s`;
  }
  if (functionName === 'payGrant' && args.length === 5) {
    const kind = GRANT_KIND[Number(args[2])] ?? 'unknown';
    return `grant ${open(String(args[1]))} to ${String(args[0]).toLowerCase()}${kind === 'account' ? '' : ` for ${kind} ${args[3]}`}`;
  }
  const words = approvalWords(contract, functionName, args);
  if (words) return words;
  return `${contract}.${functionName}(${args.map((a) => (typeof a === 'object' ? JSON.stringify(a) : String(a))).join(', ')})`;
}
