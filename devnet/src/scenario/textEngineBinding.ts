import {
  type ArtifactStore,
  encodeExample,
  encodeInferenceInput,
  inferText,
  type MethodRunner,
  resultArtifact,
  scoreToWad,
  spanParamsArtifact,
  type TextModel,
} from '@ae/attribution-replay';
import type { Hex } from 'viem';
import { nextTokenAccuracy, textPrompt, trainInfiniGram } from '../model-factory/infiniGramModel.js';
import type { CorpusMessage, EnginePosting, ScoredQuery, TrainedModel, TrainingExample } from './engine.js';

/** span-match@1's shortest attributed span (tokens): the scenario's canonical parameter. */
export const SPAN_MIN_LENGTH = 4;

/** The engine handle of a text model (engineBinding tells it from a classifier's by `text`). */
export interface TextHandle {
  text: TextModel;
  train: { contributionId: string; content: Uint8Array }[];
}

export function isTextHandle(h: unknown): h is TextHandle {
  return typeof h === 'object' && h !== null && 'text' in h;
}

/**
 * The scenario engine's text-model half (issue #20): the ∞-gram model trained (indexed) by the Model
 * Factory, its one checkpoint = the index artifact, inferences that generate a continuation of a held-out
 * mail's first words, and span-match@1 postings computed by the replay's own runner on the stored bytes.
 */
export function bindTextEngine(store: ArtifactStore, runner: MethodRunner) {
  return {
    async train(examples: readonly TrainingExample[]): Promise<TrainedModel> {
      const train = examples.map((t) => ({
        contributionId: t.contributionId.toString(),
        content: encodeExample(t.message),
      }));
      const text = trainInfiniGram(train);
      await store.put(text.checkpoint.bytes);
      await store.put(text.trainingConfig.bytes);
      return {
        checkpoints: [{ step: 1, learningRate: 0, hash: text.checkpoint.hash as Hex }],
        trainingConfigHash: text.trainingConfig.hash as Hex,
        handle: { text, train } satisfies TextHandle,
      };
    },

    accuracy: (h: TextHandle, messages: CorpusMessage[]) =>
      nextTokenAccuracy(
        h.text,
        messages.map((m) => m.text),
      ),

    async infer(h: TextHandle, messages: CorpusMessage[]): Promise<ScoredQuery[]> {
      const out: ScoredQuery[] = [];
      for (const m of messages) {
        const prompt = textPrompt(m.text);
        const { output } = inferText(h.text, prompt);
        out.push({
          predicted: 0,
          inputHash: (await store.put(encodeInferenceInput(prompt))) as Hex,
          outputHash: (await store.put(output)) as Hex,
          output,
        });
      }
      return out;
    },

    async attribute(
      h: TextHandle,
      queries: { output: Uint8Array }[],
      topK: number,
    ): Promise<EnginePosting[]> {
      const params = spanParamsArtifact({ method: 'span-match@1', minLength: SPAN_MIN_LENGTH, topK });
      const recs = await runner.run({
        method: 'span-match@1',
        params: params.bytes,
        trainingConfig: h.text.trainingConfig.bytes,
        checkpoints: [
          { step: 1, learningRate: 0, onnx: h.text.checkpoint.bytes, hash: h.text.checkpoint.hash },
        ],
        train: h.train,
        queries: queries.map((q) => ({ input: new Uint8Array(), output: q.output })),
      });
      return recs.map((rec) => ({
        paramsBytes: params.bytes,
        resultBytes: rec.resultBytes ?? resultArtifact(rec.scores).bytes,
        paramsHash: params.hash as Hex,
        resultHash: rec.resultHash as Hex,
        resultURI: `artifact://sha256/${rec.resultHash.slice(2)}`,
        ids: rec.ids.map(BigInt),
        scores: rec.scores,
        top: rec.top.map((t) => ({
          contributionId: BigInt(t.contributionId),
          weightPpm: t.weightPpm,
          score: scoreToWad(t.score),
        })),
      }));
    },
  };
}
