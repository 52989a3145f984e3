import { ArtifactMalformedError } from '../artifacts/ArtifactStore.js';
import { canonicalBytes } from '../artifacts/canonicalJson.js';
import { parseArtifactObject } from '../artifacts/parseArtifactObject.js';
import { sha256Hex } from '../artifacts/sha256.js';

/**
 * The artifact formats that link chain hashes to model inputs, in one place for poster and replay:
 * a contribution is canonical JSON {"label":L,"text":T}; an inference input {"text":T}; an inference
 * output {"probs":[...]} (the model's class probabilities as float32 values printed as JSON numbers); a
 * validation set {"examples":[{"label":L,"text":T}, …]} (knn-shapley@2's `validation`, true labels).
 */
export interface LabelledExample {
  text: string;
  label: number;
}

export function encodeExample(e: LabelledExample): Uint8Array {
  return canonicalBytes({ label: e.label, text: e.text });
}

export function decodeExample(bytes: Uint8Array): LabelledExample {
  const o = parseArtifactObject(bytes, 'labelled example');
  if (typeof o.text !== 'string' || !Number.isInteger(o.label) || (o.label as number) < 0)
    throw new ArtifactMalformedError(sha256Hex(bytes), 'labelled example');
  return { text: o.text, label: o.label as number };
}

export function encodeValidationSet(examples: readonly LabelledExample[]): Uint8Array {
  return canonicalBytes({ examples: examples.map((e) => ({ label: e.label, text: e.text })) });
}

export function decodeValidationSet(bytes: Uint8Array): LabelledExample[] {
  const o = parseArtifactObject(bytes, 'validation set');
  const ok =
    Array.isArray(o.examples) &&
    o.examples.length > 0 &&
    o.examples.every(
      (e) =>
        typeof e === 'object' &&
        e !== null &&
        typeof e.text === 'string' &&
        Number.isInteger(e.label) &&
        e.label >= 0,
    );
  if (!ok) throw new ArtifactMalformedError(sha256Hex(bytes), 'validation set');
  return (o.examples as LabelledExample[]).map((e) => ({ label: e.label, text: e.text }));
}

export function encodeInferenceInput(text: string): Uint8Array {
  return canonicalBytes({ text });
}

export function decodeInferenceInput(bytes: Uint8Array): string {
  const o = parseArtifactObject(bytes, 'inference input');
  if (typeof o.text !== 'string') throw new ArtifactMalformedError(sha256Hex(bytes), 'inference input');
  return o.text;
}

export function encodeInferenceOutput(probs: ArrayLike<number>): Uint8Array {
  return canonicalBytes({ probs: Array.from(probs) });
}

export function decodeInferenceOutput(bytes: Uint8Array): number[] {
  const o = parseArtifactObject(bytes, 'inference output');
  if (!Array.isArray(o.probs) || !o.probs.every((x) => typeof x === 'number' && Number.isFinite(x)))
    throw new ArtifactMalformedError(sha256Hex(bytes), 'inference output');
  return o.probs as number[];
}

/** The predicted class (argmax, ties to the lower class): the label both methods attribute. */
export function argmax(probs: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < probs.length; i++) if (probs[i] > probs[best]) best = i;
  return best;
}
