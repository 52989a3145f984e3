import { ComputeKind, ModelKind } from '@ae/contracts';
import { parseEther } from 'viem';
import { idsOf } from '../decodeLogs.js';
import type { TxRequest } from '../runner/blockRunner.js';
import type { World } from '../world.js';

/**
 * Models trained by the Model Factory on the latest version of their datanet: a lineage chain
 * BASE → FINETUNE → ADAPTER → FINETUNE (depth 3) plus extra bases. Checkpoints (ONNX) and training configs
 * go to the artifact store; the chain gets the model, its datanet version, each checkpoint with its
 * learning rate, the fee, and the provider's attestation of the training run.
 */
export async function modelsPhase(w: World): Promise<void> {
  const { plan, calls, accounts: a, ledger } = w;
  w.modelIds = [];
  w.models = [];
  w.modelTraining = [];
  const evaluation = evaluationMessages(w);
  w.modelEvaluation = {
    messages: evaluation.length,
    majorityRate:
      Math.max(...[0, 1].map((c) => evaluation.filter((e) => e.label === c).length)) / evaluation.length,
  };
  w.validation = evaluation.slice(0, VALIDATION_MESSAGES);
  for (const m of plan.models) {
    const datanet = w.datanets[m.datanet];
    const version = datanet.versions[datanet.versions.length - 1];
    const base = m.base === undefined ? undefined : w.models[m.base];
    const trained = await w.engine.train({
      name: m.name,
      base,
      examples: version.training,
      seed: plan.seed * 1000 + m.key,
      adapter: m.kind === 'ADAPTER',
      family: m.family,
      evaluation,
    });
    const last = trained.checkpoints[trained.checkpoints.length - 1];
    const owner = a.trainer[m.trainer];
    const [modelId] = idsOf(
      await w.runner.run([
        calls.registerModel(owner, {
          name: m.name,
          kind: ModelKind[m.kind],
          baseModelId: m.base === undefined ? 0n : w.modelIds[m.base],
          artifactHash: last.hash,
          artifactURI: `artifact://sha256/${last.hash.slice(2)}`,
          trainingConfigHash: trained.trainingConfigHash,
        }),
      ]),
      'ModelRegistered',
      'modelId',
    );
    ledger.emit('ModelRegistered');
    const txs: TxRequest[] = [calls.recordTrainedOn(owner, modelId, datanet.id, version.version)];
    for (const c of trained.checkpoints) {
      txs.push(calls.postCheckpoint(owner, modelId, c.step, c.hash, learningRateWad(c.learningRate)));
    }
    txs.push(calls.publishModel(owner, modelId, m.feeWei));
    const kind = m.kind === 'BASE' ? ComputeKind.TRAIN : ComputeKind.FINETUNE;
    txs.push(
      calls.attest(a.provider[m.provider], [
        { taskId: modelId, kind, taskHash: trained.trainingConfigHash, resultHash: last.hash },
      ]),
    );
    await w.runner.run(txs);
    ledger.emit('ModelTrainedOn');
    ledger.emit('CheckpointPosted', trained.checkpoints.length);
    ledger.emit('ModelPublished');
    ledger.emit('ComputeAttested');
    w.modelIds[m.key] = modelId;
    w.models[m.key] = trained;
    w.modelTraining[m.key] = version.training;
    const acc = await w.engine.accuracy(trained, evaluation);
    w.modelAccuracy[m.key] = acc;
    w.log(
      `model ${m.name} (${m.kind}) id ${modelId}: ${trained.checkpoints.length} checkpoints on datanet ${datanet.id} v${version.version}, held-out accuracy ${(acc * 100).toFixed(1)}%`,
    );
  }
}

/** Messages no contribution or query uses; models are judged on them. */
export const EVALUATION_MESSAGES = 1_000;
/** How many of them knn-shapley@2's postings are valued against (its `validation` parameter). */
export const VALIDATION_MESSAGES = 200;

/**
 * The held-out set a model's accuracy is measured on: up to EVALUATION_MESSAGES corpus messages that are
 * neither training nor query messages, evenly spaced in corpus order (deterministic, no draw). The 40
 * queries of the small preset are too few to tell a classifier from the majority rate.
 */
export function evaluationMessages(w: Pick<World, 'plan' | 'corpus'>) {
  const used = new Set([...w.plan.training, ...w.plan.heldOut]);
  const free = w.corpus.map((_, i) => i).filter((i) => !used.has(i));
  const step = Math.max(1, Math.floor(free.length / EVALUATION_MESSAGES));
  return free
    .filter((_, i) => i % step === 0)
    .slice(0, EVALUATION_MESSAGES)
    .map((i) => w.corpus[i]);
}

/** The learning rate as the chain stores it (1e18 fixed point); the replay reads it back from there. */
export function learningRateWad(lr: number): bigint {
  if (!Number.isFinite(lr) || lr < 0)
    throw new RangeError(`learning rate ${lr} is not a non-negative number`);
  return parseEther(lr.toFixed(18));
}
