import { ponder } from 'ponder:registry';
import {
  account,
  attribution,
  attribution_share,
  contribution,
  fee_split,
  inference,
  model,
  reward_accrual,
} from 'ponder:schema';

// The indexer's handlers (indexer/src/handlers) for the compared columns, written the way a Ponder app writes
// them: one event at a time through context.db. Same ids, same lowercase addresses, timestamps in ms.

interface Ev {
  block: { number: bigint; timestamp: bigint };
  log: { logIndex: number };
  transaction: { hash: string };
}
/** The indexer's event id: 10-digit height, 6-digit log index. */
const eventId = (e: Ev) =>
  `${String(e.block.number).padStart(10, '0')}-${String(e.log.logIndex).padStart(6, '0')}`;
const at = (e: Ev) => ({
  block_number: Number(e.block.number),
  timestamp: e.block.timestamp * 1000n,
  tx_hash: e.transaction.hash,
  log_index: e.log.logIndex,
});
const low = (a: string) => a.toLowerCase();

ponder.on('ModelRegistry:ModelRegistered', async ({ event, context }) => {
  await context.db
    .insert(model)
    .values({ id: String(event.args.modelId), inference_count: 0, total_fees: 0n });
});

ponder.on('DatanetRegistry:ContributionSubmitted', async ({ event, context }) => {
  const a = event.args;
  await context.db.insert(contribution).values({
    id: String(a.contributionId),
    datanet_id: String(a.datanetId),
    contributor_id: low(a.contributor),
    attribution_share_count: 0,
    total_weight_ppm: 0n,
  });
});

ponder.on('InferenceLedger:InferenceRecorded', async ({ event, context }) => {
  const a = event.args;
  const m = await context.db.find(model, { id: String(a.modelId) });
  if (!m) return;
  await context.db.insert(inference).values({
    id: String(a.inferenceId),
    index: a.inferenceId,
    model_id: m.id,
    user_id: low(a.user),
    provider_id: low(a.provider),
    input_hash: a.inputHash,
    output_hash: a.outputHash,
    fee: a.fee,
    ...at(event),
  });
  await context.db
    .update(model, { id: m.id })
    .set((r) => ({ inference_count: r.inference_count + 1, total_fees: r.total_fees + a.fee }));
  await context.db
    .insert(account)
    .values({ id: low(a.user), inference_count: 1, fees_paid: a.fee })
    .onConflictDoUpdate((r) => ({ inference_count: r.inference_count + 1, fees_paid: r.fees_paid + a.fee }));
});

ponder.on('RewardDistributor:FeeSplit', async ({ event, context }) => {
  const a = event.args;
  await context.db.insert(fee_split).values({
    id: eventId(event),
    inference_id: String(a.inferenceId),
    protocol: a.protocol,
    model_owner: a.modelOwner,
    provider: a.provider,
    stakers: a.stakers,
    contributors: a.contributors,
    ...at(event),
  });
});

ponder.on('RewardDistributor:RewardAccrued', async ({ event, context }) => {
  const a = event.args;
  await context.db.insert(reward_accrual).values({
    id: eventId(event),
    account_id: low(a.account),
    inference_id: a.inferenceId === 0n ? null : String(a.inferenceId),
    role_code: a.role,
    amount: a.amount,
    ...at(event),
  });
});

ponder.on('AttributionRegistry:AttributionPosted', async ({ event, context }) => {
  const a = event.args;
  const inf = await context.db.find(inference, { id: String(a.inferenceId) });
  if (!inf) return;
  await context.db.insert(attribution).values({
    id: String(a.attributionId),
    index: a.attributionId,
    inference_id: inf.id,
    model_id: inf.model_id,
    poster_id: low(a.poster),
    method: a.method,
    params_hash: a.paramsHash,
    result_hash: a.resultHash,
    result_uri: a.resultURI,
    share_count: 0,
    total_weight_ppm: 0,
    ...at(event),
  });
});

ponder.on('AttributionRegistry:AttributionShare', async ({ event, context }) => {
  const a = event.args;
  const att = await context.db.find(attribution, { id: String(a.attributionId) });
  const c = await context.db.find(contribution, { id: String(a.contributionId) });
  if (!att || !c) return;
  const { tx_hash: _, ...pos } = at(event);
  await context.db.insert(attribution_share).values({
    id: `${att.id}-${c.id}`,
    attribution_id: att.id,
    contribution_id: c.id,
    datanet_id: c.datanet_id,
    contributor_id: c.contributor_id,
    rank: att.share_count,
    weight_ppm: a.weightPpm,
    score: a.score,
    ...pos,
  });
  await context.db.update(attribution, { id: att.id }).set((r) => ({
    share_count: r.share_count + 1,
    total_weight_ppm: r.total_weight_ppm + a.weightPpm,
  }));
  await context.db.update(contribution, { id: c.id }).set((r) => ({
    attribution_share_count: r.attribution_share_count + 1,
    total_weight_ppm: r.total_weight_ppm + BigInt(a.weightPpm),
  }));
});
