import { type Bytes32Hex, sha256Hex } from '../../artifacts/sha256.js';
import { buildCorpusIndex, type CorpusIndex, encodeCorpusIndex } from './corpusIndex.js';
import { generate } from './infiniGram.js';
import { decodeContributionText, encodeGeneratedOutput, encodeTextModelConfig } from './textModelFormats.js';

export interface TextModel {
  index: CorpusIndex;
  /** The checkpoint: the index artifact (posted on chain as the model's only checkpoint). */
  checkpoint: { bytes: Uint8Array; hash: Bytes32Hex };
  trainingConfig: { bytes: Uint8Array; hash: Bytes32Hex };
  maxNewTokens: number;
}

/**
 * "Trains" the ∞-gram model: indexes the training contributions' texts (contribution contents as stored,
 * training order). Nothing is fitted, so the checkpoint is a pure function of the data the chain names.
 */
export function trainTextModel(
  train: readonly { contributionId: string; content: Uint8Array }[],
  maxNewTokens = 24,
): TextModel {
  const index = buildCorpusIndex(
    train.map((t) => ({ contributionId: t.contributionId, text: decodeContributionText(t.content) })),
  );
  const config = encodeTextModelConfig(maxNewTokens);
  return {
    index,
    checkpoint: encodeCorpusIndex(index),
    trainingConfig: { bytes: config, hash: sha256Hex(config) },
    maxNewTokens,
  };
}

/** One inference: the greedy continuation of the prompt, as the output artifact bytes and text. */
export function inferText(model: TextModel, prompt: string): { text: string; output: Uint8Array } {
  const { text } = generate(model.index, prompt, model.maxNewTokens);
  return { text, output: encodeGeneratedOutput(text) };
}
