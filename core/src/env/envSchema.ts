import { UserError } from '../errors/BaseError.js';
import type { Env, EnvVar } from './envVar.js';

type Parsed<S> = { [K in keyof S]: S[K] extends EnvVar<infer T> ? T : never };

/** A service's environment: one list of variables that both parses `process.env` and prints `--help`. */
export interface EnvSchema<S extends Record<string, EnvVar<unknown>>> {
  service: string;
  vars: S;
  /** Every variable parsed; the first invalid one is a UserError naming it and what it expects. */
  parse(env?: Env): Parsed<S>;
  /** One line per variable: name, meaning, default. */
  help(): string[];
}

/**
 * Declares a service's variables once. Why one schema: the README tables, `npm start -- --help` and the
 * parser can no longer disagree about a name or a default, and a typo'd value fails at start, by name.
 */
export function defineEnv<S extends Record<string, EnvVar<unknown>>>(service: string, vars: S): EnvSchema<S> {
  return {
    service,
    vars,
    parse(env = process.env) {
      const out = {} as Record<string, unknown>;
      for (const [name, spec] of Object.entries(vars)) {
        if (spec.family) continue;
        try {
          out[name] = spec.parse(env[name], env);
        } catch (e) {
          throw new UserError(`${name} ${(e as Error).message}`, { meta: { variable: name } });
        }
      }
      return out as Parsed<S>;
    },
    help() {
      const width = Math.max(...Object.keys(vars).map((n) => n.length)) + 2;
      return Object.entries(vars).map(([n, s]) => `  ${n.padEnd(width)}${s.doc} (default ${s.shown})`);
    },
  };
}
