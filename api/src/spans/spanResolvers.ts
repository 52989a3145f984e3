import { readGeneratedSpans, SPAN_MATCH_METHOD } from '@ae/attribution-replay/span-match';
import type { Row } from '../entities/resolve/createLoaders.js';
import type { ApiContext } from '../server/context.js';

type Args = Record<string, unknown>;
type SpanRow =
  Awaited<ReturnType<typeof readGeneratedSpans>> extends infer G
    ? G extends { spans: (infer S)[] }
      ? S
      : never
    : never;

/** Resolvers of spanTypeDefs: a span-match@1 posting's answer and spans, from the verified artifact store. */
export const spanResolvers = {
  Attribution: {
    generatedAnswer: async (p: Row, _a: Args, ctx: ApiContext) => {
      const store = ctx.services.artifacts;
      if (p.method !== SPAN_MATCH_METHOD || !store) return null;
      const inference = await ctx.loaders.byId('Inference').load(String(p.inference));
      if (!inference) return null;
      return readGeneratedSpans(store, String(inference.outputHash), String(p.resultHash));
    },
  },
  AttributedSpan: {
    contributionIds: (s: SpanRow) => s.contributions,
    score: (s: SpanRow) => BigInt(s.score),
    contributions: async (s: SpanRow, _a: Args, ctx: ApiContext) => {
      const rows = await ctx.loaders.byId('Contribution').loadMany(s.contributions);
      return rows.filter((r): r is Row => r !== null && !(r instanceof Error));
    },
  },
};
