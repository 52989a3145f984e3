/**
 * A model's held-out evaluation as the Model Factory records it in the model's training config artifact
 * (key `evaluation`; the chain names the artifact by trainingConfigHash), so anyone holding the artifact
 * reads the figure the trainer measured and can re-measure it on the named set:
 * {set: sha256 of the evaluation set artifact ({"examples":[…]}), messages, accuracy, majorityRate,
 *  predicted: [count of messages predicted as class c, for every class c]}.
 */
export interface ModelEvaluation {
  set: string;
  messages: number;
  /** Share of the messages whose predicted class is their label. */
  accuracy: number;
  /** Share of the larger class: what a model that always predicts it scores. */
  majorityRate: number;
  predicted: number[];
}

const isShare = (x: unknown): x is number => typeof x === 'number' && x >= 0 && x <= 1;

/** The evaluation record of a training config's bytes; null when absent or malformed (never throws). */
export function decodeModelEvaluation(trainingConfig: Uint8Array): ModelEvaluation | null {
  let o: unknown;
  try {
    o = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(trainingConfig));
  } catch {
    return null;
  }
  const e = (o as { evaluation?: Record<string, unknown> } | null)?.evaluation;
  if (typeof e !== 'object' || e === null) return null;
  const { set, messages, accuracy, majorityRate, predicted } = e;
  const ok =
    typeof set === 'string' &&
    /^0x[0-9a-f]{64}$/.test(set) &&
    Number.isSafeInteger(messages) &&
    (messages as number) > 0 &&
    isShare(accuracy) &&
    isShare(majorityRate) &&
    Array.isArray(predicted) &&
    predicted.length >= 1 &&
    predicted.length <= 1024 &&
    predicted.every((c) => Number.isSafeInteger(c) && c >= 0);
  if (!ok) return null;
  return { set, messages: messages as number, accuracy, majorityRate, predicted: predicted as number[] };
}

/** Reads a model's evaluation from a verified store by its training config hash; null when not there. */
export async function readModelEvaluation(
  store: { get(hash: string): Promise<Uint8Array> },
  trainingConfigHash: string,
): Promise<ModelEvaluation | null> {
  try {
    return decodeModelEvaluation(await store.get(trainingConfigHash));
  } catch {
    return null;
  }
}
