import { ComputeKind as Kind } from '@ae/contracts';
import {
  ComputeAttestation,
  ComputeKind,
  ComputeProvider,
  FeeSplit,
  Inference,
  TransferKind,
} from '../model/generated/index.js';
import { account, addr, daily, global } from './derived.js';
import { setting } from './governance/settingHandlers.js';
import { bookFeeSplit } from './moneyBooks.js';
import { noteCause } from './moneyContext.js';
import { transfer } from './staking.js';
import { type PartialHandlers, sid } from './types.js';

const COMPUTE_KIND = new Map<number, ComputeKind>([
  [Kind.TRAIN, ComputeKind.TRAIN],
  [Kind.FINETUNE, ComputeKind.FINETUNE],
  [Kind.INFER, ComputeKind.INFER],
  [Kind.REPLAY, ComputeKind.REPLAY],
]);

export const inferenceHandlers: PartialHandlers<
  'ProviderRegistered' | 'ComputeAttested' | 'InferenceRecorded' | 'FeeSplit'
> = {
  ProviderRegistered: {
    prefetch(st, a) {
      st.accounts.want(addr(a.provider));
      st.providers.want(addr(a.provider));
    },
    async apply(st, pos, a) {
      const acc = await account(st, a.provider, pos);
      acc.isProvider = true;
      let p = await st.providers.get(st.store, acc.id);
      if (!p) {
        const approval = await setting(st, 'computeProvider', acc.id);
        p = st.created(
          st.providers,
          new ComputeProvider({
            id: acc.id,
            account: acc,
            endpointURI: a.endpointURI,
            registeredStake: a.stake,
            registeredBlock: pos.blockNumber,
            registeredAt: pos.timestamp,
            updatedAt: pos.timestamp,
            approved: approval?.enabled ?? false,
            inferenceCount: 0,
            attestationCount: 0,
          }),
        );
      }
      p.endpointURI = a.endpointURI;
      p.registeredStake = a.stake;
      p.updatedAt = pos.timestamp;
      st.changed(st.providers, p);
      return undefined;
    },
  },
  ComputeAttested: {
    prefetch(st, a) {
      st.accounts.want(addr(a.provider));
      st.providers.want(addr(a.provider));
    },
    async apply(st, pos, a) {
      const p = await st.providers.get(st.store, addr(a.provider));
      if (!p) return `unknown provider ${a.provider}`;
      await account(st, a.provider, pos);
      p.attestationCount++;
      st.changed(st.providers, p);
      st.inserted(
        st.inserts.attestations,
        new ComputeAttestation({
          id: pos.id,
          provider: p,
          taskId: a.taskId,
          kind: COMPUTE_KIND.get(a.kind) ?? ComputeKind.UNKNOWN,
          kindCode: a.kind,
          taskHash: a.taskHash,
          resultHash: a.resultHash,
          blockNumber: pos.blockNumber,
          timestamp: pos.timestamp,
          txHash: pos.txHash,
          logIndex: pos.logIndex,
        }),
      );
      return undefined;
    },
  },
  InferenceRecorded: {
    prefetch(st, a) {
      st.models.want(sid(a.modelId));
      st.accounts.want(addr(a.user));
      st.providers.want(addr(a.provider));
      st.inferences.want(sid(a.inferenceId));
    },
    async apply(st, pos, a, env) {
      const id = sid(a.inferenceId);
      const model = await st.models.get(st.store, sid(a.modelId));
      const provider = await st.providers.get(st.store, addr(a.provider));
      if (!model || !provider) return `unknown model ${a.modelId} or provider ${a.provider}`;
      if (await st.inferences.get(st.store, id)) return `inference ${id} recorded twice`;
      const user = await account(st, a.user, pos);
      user.isInferenceUser = true;
      user.inferenceCount++;
      user.feesPaid += a.fee;
      model.inferenceCount++;
      model.totalFees += a.fee;
      st.changed(st.models, model);
      provider.inferenceCount++;
      st.changed(st.providers, provider);
      const inference = st.created(
        st.inferences,
        new Inference({
          id,
          index: a.inferenceId,
          model,
          user,
          provider,
          inputHash: a.inputHash,
          outputHash: a.outputHash,
          fee: a.fee,
          blockNumber: pos.blockNumber,
          timestamp: pos.timestamp,
          txHash: pos.txHash,
          logIndex: pos.logIndex,
        }),
      );
      if (a.fee > 0n)
        transfer(
          st,
          pos,
          TransferKind.INFERENCE_FEE,
          a.user,
          env.contracts.InferenceLedger,
          a.fee,
          inference,
        );
      const d = await daily(st, pos);
      d.inferences++;
      d.fees += a.fee;
      const g = await global(st);
      g.inferences++;
      g.totalFees += a.fee;
      return undefined;
    },
  },
  FeeSplit: {
    prefetch: (st, a) => st.inferences.want(sid(a.inferenceId)),
    async apply(st, pos, a, env) {
      const inference = await st.inferences.get(st.store, sid(a.inferenceId));
      if (!inference) return `unknown inference ${a.inferenceId}`;
      noteCause(st, pos, 'FEE_SPLIT');
      await bookFeeSplit(st, pos, a.stakers, a.contributors);
      if (a.stakers > 0n)
        transfer(
          st,
          pos,
          TransferKind.STAKER_REWARDS,
          env.contracts.RewardDistributor,
          env.contracts.Staking,
          a.stakers,
          inference,
        );
      st.inserted(
        st.inserts.feeSplits,
        new FeeSplit({
          id: pos.id,
          inference,
          protocol: a.protocol,
          modelOwner: a.modelOwner,
          provider: a.provider,
          stakers: a.stakers,
          contributors: a.contributors,
          blockNumber: pos.blockNumber,
          timestamp: pos.timestamp,
          txHash: pos.txHash,
          logIndex: pos.logIndex,
        }),
      );
      return undefined;
    },
  },
};
