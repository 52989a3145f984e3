import { attributionRegistryAbi, inferenceLedgerAbi, stakingAbi } from '@ae/contracts';
import { COLUMN, TABLE } from '@ae/core/tables';
import { devnetChain, namedAccounts } from '@ae/devnet';
import type pg from 'pg';
import { type Address, createPublicClient, createWalletClient, type Hex, http, parseEther } from 'viem';

const A = COLUMN.attribution;
const I = COLUMN.inference;

/**
 * A fresh posting whose window is open, on a devnet where a scenario was played and indexed: the named poster
 * copies an indexed honest posting onto a new inference of the same model and input (recorded and paid by
 * the named users[0]), either as it is (`honest`: it replays VERIFIED) or with half of the first share's
 * weight moved to the last one (`lie`: it replays MISMATCH). Returns the new inference id.
 */
export async function postCopiedPosting(opts: {
  rpcUrl: string;
  chainId: number;
  contracts: Record<string, string>;
  db: pg.Pool | pg.Client;
  /** An honest attribution of the index to copy. */
  from: string;
  kind: 'lie' | 'honest';
}): Promise<bigint> {
  const { db, from } = opts;
  const src = (
    await db.query(
      `SELECT a.method, a.params_hash, a.result_hash, a.result_uri, i.model_id, i.input_hash, i.output_hash, i.fee::text, i.provider_id
         FROM ${TABLE.attribution} a JOIN ${TABLE.inference} i ON i.${I.id} = a.${A.inferenceId} WHERE a.${A.id} = $1`,
      [from],
    )
  ).rows[0];
  const shares = (
    await db.query(
      `SELECT contribution_id, weight_ppm, score::text FROM ${TABLE.attributionShare} WHERE ${COLUMN.attributionShare.attributionId} = $1 ORDER BY rank`,
      [from],
    )
  ).rows;
  if (!src || shares.length < 2)
    throw new Error(`attribution ${from} is not an indexed posting with 2+ shares`);
  const weights = shares.map((s) => s.weight_ppm as number);
  if (opts.kind === 'lie') {
    const moved = Math.floor(weights[0] / 2);
    weights[0] -= moved;
    weights[weights.length - 1] += moved;
  }
  const named = namedAccounts();
  const chain = devnetChain(opts.rpcUrl, opts.chainId);
  const pub = createPublicClient({ chain, transport: http(opts.rpcUrl), pollingInterval: 50 });
  const c = opts.contracts as Record<string, Address>;
  const send = async (account: (typeof named)['poster'], call: Record<string, unknown>) => {
    const wallet = createWalletClient({ chain, account, transport: http(opts.rpcUrl) });
    const hash: Hex = await wallet.writeContract(call as never);
    const r = await pub.waitForTransactionReceipt({ hash });
    if (r.status !== 'success') throw new Error(`${String(call.functionName)} reverted`);
  };
  const minStake = (await pub.readContract({
    address: c.Staking,
    abi: stakingAbi,
    functionName: 'minPosterStake',
  })) as bigint;
  const stake = (await pub.readContract({
    address: c.Staking,
    abi: stakingAbi,
    functionName: 'stakeOf',
    args: [named.poster.address],
  })) as bigint;
  if (stake < minStake + parseEther('50'))
    await send(named.poster, {
      address: c.Staking,
      abi: stakingAbi,
      functionName: 'stake',
      value: parseEther('100'),
    });
  await send(named.users[0], {
    address: c.InferenceLedger,
    abi: inferenceLedgerAbi,
    functionName: 'recordInference',
    args: [BigInt(src.model_id), src.provider_id, src.input_hash, src.output_hash],
    value: BigInt(src.fee),
  });
  const inferenceId = (await pub.readContract({
    address: c.InferenceLedger,
    abi: inferenceLedgerAbi,
    functionName: 'inferenceCount',
  })) as bigint;
  await send(named.poster, {
    address: c.AttributionRegistry,
    abi: attributionRegistryAbi,
    functionName: 'postAttribution',
    args: [
      {
        inferenceId,
        method: src.method,
        paramsHash: src.params_hash,
        resultHash: src.result_hash,
        resultURI: src.result_uri,
        contributionIds: shares.map((s) => BigInt(s.contribution_id)),
        weightsPpm: weights,
        scores: shares.map((s) => BigInt(s.score)),
      },
    ],
  });
  return inferenceId;
}
