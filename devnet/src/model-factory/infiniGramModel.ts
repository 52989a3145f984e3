import { detokenize, generate, type TextModel, tokenize, trainTextModel } from '@ae/attribution-replay';

/** Tokens of a held-out message's body that make an inference's prompt. */
export const PROMPT_TOKENS = 8;
/** Most tokens one inference of the text model generates (its training config says so on chain). */
export const MAX_NEW_TOKENS = 24;

/**
 * The Model Factory's text model (issue #20): an ∞-gram model over a datanet version's contributions,
 * whose "training" is indexing them (attribution-replay's span-match index, words@1 tokens), so the
 * checkpoint is a pure function of the contributions the chain names.
 */
export function trainInfiniGram(
  train: readonly { contributionId: string; content: Uint8Array }[],
): TextModel {
  return trainTextModel(train, MAX_NEW_TOKENS);
}

/** A mail's body (after the header block) or the whole text when it has no header block. */
function body(text: string): string {
  const cut = text.search(/\r?\n\r?\n/);
  return cut < 0 ? text : text.slice(cut).trimStart();
}

/** The prompt of an inference on a held-out mail: the first PROMPT_TOKENS tokens of its body. */
export function textPrompt(message: string): string {
  return detokenize(tokenize(body(message)).slice(0, PROMPT_TOKENS));
}

/**
 * Held-out next-token accuracy: the share of held-out mails whose token right after the prompt is the one
 * the model predicts (greedy) — the text model's counterpart of a classifier's accuracy.
 */
export function nextTokenAccuracy(model: TextModel, messages: readonly string[]): number {
  let hit = 0;
  let n = 0;
  for (const m of messages) {
    const toks = tokenize(body(m));
    if (toks.length <= PROMPT_TOKENS) continue;
    n++;
    const [next] = generate(model.index, detokenize(toks.slice(0, PROMPT_TOKENS)), 1).tokens;
    if (next === toks[PROMPT_TOKENS]) hit++;
  }
  return n === 0 ? 0 : hit / n;
}
