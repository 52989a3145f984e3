import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

export type Env = Readonly<Record<string, string | undefined>>;

/** One environment variable: what it means, its default as shown in `--help`, and how its text is parsed. */
export interface EnvVar<T> {
  doc: string;
  /** The default as a user reads it in --help ("8545", "$DATA_DIR/artifacts", "(unset)"). */
  shown: string;
  /** Parses the raw text (undefined or '' when unset); throws a message naming what was expected. */
  parse(raw: string | undefined, env: Env): T;
  /** True for a pattern such as CONTRACT_<NAME>, which is documented, not read, under its own name. */
  family?: boolean;
}

function unset(raw: string | undefined): raw is undefined {
  return raw === undefined || raw === '';
}

function fromZod<T>(schema: z.ZodType<T>, expected: string) {
  return (raw: string): T => {
    const r = schema.safeParse(raw);
    if (!r.success) throw new Error(`must be ${expected}, got ${JSON.stringify(raw)}`);
    return r.data;
  };
}

const parseUrl = fromZod(
  z.string().refine((s) => /^(https?|wss?|postgres(ql)?):\/\//.test(s) && URL.canParse(s)),
  'a URL (http, https, ws, wss or postgres)',
);

const intText = (min: number, max: number) =>
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** The variable builders every service's config module uses (`v.int(...)`, `v.port(...)`). */
export const v = {
  int(doc: string, def: number, opts: { min?: number; max?: number } = {}): EnvVar<number> {
    const min = opts.min ?? 0;
    const max = opts.max ?? Number.MAX_SAFE_INTEGER;
    const parse = fromZod(intText(min, max), `an integer in [${min}, ${max}]`);
    return { doc, shown: String(def), parse: (raw) => (unset(raw) ? def : parse(raw)) };
  },
  optionalInt(doc: string, opts: { min?: number; max?: number } = {}): EnvVar<number | undefined> {
    const min = opts.min ?? 0;
    const max = opts.max ?? Number.MAX_SAFE_INTEGER;
    const parse = fromZod(intText(min, max), `an integer in [${min}, ${max}]`);
    return { doc, shown: '(unset)', parse: (raw) => (unset(raw) ? undefined : parse(raw)) };
  },
  port(doc: string, def: number): EnvVar<number> {
    return v.int(doc, def, { min: 1, max: 65535 });
  },
  bool(doc: string, def: boolean): EnvVar<boolean> {
    const parse = (raw: string) => {
      if (/^(1|true|yes|on)$/i.test(raw)) return true;
      if (/^(0|false|no|off)$/i.test(raw)) return false;
      throw new Error(`must be true or false, got ${JSON.stringify(raw)}`);
    };
    return { doc, shown: String(def), parse: (raw) => (unset(raw) ? def : parse(raw)) };
  },
  string(doc: string, def: string): EnvVar<string> {
    return { doc, shown: def === '' ? '(empty)' : def, parse: (raw) => (unset(raw) ? def : raw) };
  },
  optionalString(doc: string, shown = '(unset)'): EnvVar<string | undefined> {
    return { doc, shown, parse: (raw) => (unset(raw) ? undefined : raw) };
  },
  oneOf<const T extends string>(doc: string, values: readonly T[], def: T): EnvVar<T> {
    const parse = fromZod(z.enum(values as [T, ...T[]]), values.join(', '));
    return { doc, shown: def, parse: (raw) => (unset(raw) ? def : parse(raw)) };
  },
  url(doc: string, def: string): EnvVar<string> {
    return { doc, shown: def, parse: (raw) => (unset(raw) ? def : parseUrl(raw)) };
  },
  optionalUrl(doc: string, shown = '(unset)'): EnvVar<string | undefined> {
    return { doc, shown, parse: (raw) => (unset(raw) ? undefined : parseUrl(raw)) };
  },
  /** A path; relative ones resolve against the directory npm was started in (INIT_CWD), not the workspace. */
  path(doc: string, shown: string): EnvVar<string | undefined> {
    return {
      doc,
      shown,
      parse: (raw, env) =>
        unset(raw) ? undefined : isAbsolute(raw) ? raw : resolve(env.INIT_CWD ?? process.cwd(), raw),
    };
  },
  hex(doc: string, bytes: number): EnvVar<`0x${string}` | undefined> {
    const parse = fromZod(
      z.string().regex(new RegExp(`^0x[0-9a-fA-F]{${bytes * 2}}$`)),
      `0x and ${bytes * 2} hex digits`,
    );
    return {
      doc,
      shown: '(unset)',
      parse: (raw) => (unset(raw) ? undefined : (parse(raw) as `0x${string}`)),
    };
  },
  address(doc: string): EnvVar<`0x${string}` | undefined> {
    const inner = v.hex(doc, 20);
    return {
      ...inner,
      parse: (raw, env) => inner.parse(raw, env)?.toLowerCase() as `0x${string}` | undefined,
    };
  },
  /**
   * A family of variables named by a pattern (CONTRACT_<NAME>): listed once in --help, read by the module
   * that knows the names (parse is never called for the pattern itself).
   */
  family(doc: string, shown = '(unset)'): EnvVar<undefined> {
    return { doc, shown, family: true, parse: () => undefined };
  },
  wei(doc: string): EnvVar<bigint | undefined> {
    const parse = fromZod(z.string().regex(/^\d+$/).transform(BigInt), 'a decimal integer (wei)');
    return { doc, shown: '(unset)', parse: (raw) => (unset(raw) ? undefined : parse(raw)) };
  },
};
