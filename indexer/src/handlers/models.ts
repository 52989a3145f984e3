import { ModelKind as Kind } from '@ae/contracts';
import { Checkpoint, Model, ModelKind, ModelTrainedOn } from '../model/generated/index.js';
import { account, addr, daily, global } from './derived.js';
import { type PartialHandlers, sid } from './types.js';

const KIND_BY_CODE = new Map<number, ModelKind>([
  [Kind.BASE, ModelKind.BASE],
  [Kind.FINETUNE, ModelKind.FINETUNE],
  [Kind.ADAPTER, ModelKind.ADAPTER],
]);

export const modelHandlers: PartialHandlers<
  'ModelRegistered' | 'ModelTrainedOn' | 'CheckpointPosted' | 'ModelPublished'
> = {
  ModelRegistered: {
    prefetch(st, a) {
      st.accounts.want(addr(a.owner));
      st.models.want(sid(a.modelId));
      if (a.baseModelId !== 0n) st.models.want(sid(a.baseModelId));
    },
    async apply(st, pos, a) {
      const id = sid(a.modelId);
      if (await st.models.get(st.store, id)) return `model ${id} registered twice`;
      let baseModel: Model | null = null;
      if (a.baseModelId !== 0n) {
        baseModel = (await st.models.get(st.store, sid(a.baseModelId))) ?? null;
        if (!baseModel) return `unknown base model ${a.baseModelId}`;
      }
      const owner = await account(st, a.owner, pos);
      owner.isModelOwner = true;
      owner.modelCount++;
      st.created(
        st.models,
        new Model({
          id,
          index: a.modelId,
          owner,
          name: a.name,
          kind: KIND_BY_CODE.get(a.kind) ?? ModelKind.UNKNOWN,
          kindCode: a.kind,
          baseModel,
          artifactHash: a.artifactHash,
          artifactURI: a.artifactURI,
          trainingConfigHash: a.trainingConfigHash,
          published: false,
          feePerInference: 0n,
          publishedAt: null,
          registeredBlock: pos.blockNumber,
          registeredAt: pos.timestamp,
          txHash: pos.txHash,
          checkpointCount: 0,
          inferenceCount: 0,
          totalFees: 0n,
        }),
      );
      (await daily(st, pos)).newModels++;
      (await global(st)).models++;
      return undefined;
    },
  },
  ModelTrainedOn: {
    prefetch(st, a) {
      st.models.want(sid(a.modelId));
      st.datanets.want(sid(a.datanetId));
      st.versions.want(`${sid(a.datanetId)}-${a.version}`);
      st.trainedOn.want(`${sid(a.modelId)}-${sid(a.datanetId)}-${a.version}`);
    },
    async apply(st, pos, a) {
      const model = await st.models.get(st.store, sid(a.modelId));
      const datanet = await st.datanets.get(st.store, sid(a.datanetId));
      const version = await st.versions.get(st.store, `${sid(a.datanetId)}-${a.version}`);
      if (!model || !datanet || !version)
        return `unknown model ${a.modelId} or datanet version ${a.datanetId}/${a.version}`;
      const id = `${model.id}-${datanet.id}-${a.version}`;
      // The registry accepts the same declaration twice; it is one fact.
      if (await st.trainedOn.get(st.store, id)) return undefined;
      datanet.trainedModelCount++;
      st.changed(st.datanets, datanet);
      st.created(
        st.trainedOn,
        new ModelTrainedOn({
          id,
          model,
          datanet,
          datanetVersion: version,
          version: a.version,
          blockNumber: pos.blockNumber,
          timestamp: pos.timestamp,
          txHash: pos.txHash,
        }),
      );
      return undefined;
    },
  },
  CheckpointPosted: {
    prefetch: (st, a) => st.models.want(sid(a.modelId)),
    async apply(st, pos, a) {
      const model = await st.models.get(st.store, sid(a.modelId));
      if (!model) return `unknown model ${a.modelId}`;
      model.checkpointCount++;
      st.changed(st.models, model);
      st.inserted(
        st.inserts.checkpoints,
        new Checkpoint({
          id: `${model.id}-${a.step}`,
          model,
          step: a.step,
          checkpointHash: a.checkpointHash,
          learningRate: a.learningRate,
          blockNumber: pos.blockNumber,
          timestamp: pos.timestamp,
          txHash: pos.txHash,
          logIndex: pos.logIndex,
        }),
      );
      return undefined;
    },
  },
  ModelPublished: {
    prefetch: (st, a) => st.models.want(sid(a.modelId)),
    async apply(st, pos, a) {
      const model = await st.models.get(st.store, sid(a.modelId));
      if (!model) return `unknown model ${a.modelId}`;
      model.published = true;
      model.feePerInference = a.feePerInference;
      model.publishedAt = pos.timestamp;
      st.changed(st.models, model);
      return undefined;
    },
  },
};
