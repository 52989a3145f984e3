import { BaseError, UserError } from '@ae/core';
import pg from 'pg';
import { loadConfig, device as parseDevice } from '../config.js';
import { processAttributions } from '../worker/processJobs.js';
import { bindReplay } from './bindReplay.js';
import { formatVerdict, verdictJson } from './formatVerdict.js';
import { exitCodeOf } from './verdict.js';

export const VERIFY_USAGE =
  'usage: attribution-replay verify <attributionId> [--json] [--device cuda|cpu|auto]';

export interface VerifyArgs {
  attributionId: string;
  json: boolean;
  device?: 'cpu' | 'cuda' | 'auto';
}

/** Parses `verify`'s arguments; a malformed command line is a UserError with the usage line. */
export function parseVerifyArgs(argv: readonly string[]): VerifyArgs {
  let id: string | undefined;
  let json = false;
  let device: VerifyArgs['device'];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') json = true;
    else if (a === '--device') device = parseDevice(argv[++i] ?? '');
    else if (a.startsWith('--device=')) device = parseDevice(a.slice('--device='.length));
    else if (a.startsWith('-')) throw new UserError(`unknown option ${a}\n${VERIFY_USAGE}`);
    else if (id === undefined) id = a;
    else throw new UserError(`unexpected argument ${a}\n${VERIFY_USAGE}`);
  }
  if (id === undefined || !/^[0-9]{1,78}$/.test(id))
    throw new UserError(`an attribution id (a decimal number) is required\n${VERIFY_USAGE}`);
  return { attributionId: BigInt(id).toString(), json, device };
}

/**
 * `attribution-replay verify <id>`: replays one attribution from the indexed database and the artifact
 * store, prints the verdict (or JSON) and returns the exit code: 0 verified, 1 mismatch, 2 unverifiable.
 * Read-only: it never disputes, never writes the verdict table and puts nothing (not even the evidence) in
 * the artifact store; the worker does that.
 */
export async function verifyCommand(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  let args: VerifyArgs;
  try {
    args = parseVerifyArgs(argv);
  } catch (e) {
    console.error((e as BaseError).shortMessage ?? (e as Error).message);
    return 64;
  }
  const cfg = { ...loadConfig(env), ...(args.device ? { device: args.device } : {}) };
  const pool = new pg.Pool({ connectionString: cfg.databaseUrl, max: 2 });
  try {
    const deps = await bindReplay(cfg, { log: (l) => console.error(l) });
    const [r] = await processAttributions({ ...deps, db: pool, readOnly: true }, [args.attributionId]);
    process.stdout.write(`${args.json ? verdictJson(r.verdict) : formatVerdict(r.verdict)}\n`);
    return exitCodeOf(r.verdict.verdict);
  } catch (e) {
    console.error(
      `verify failed: ${e instanceof BaseError ? e.shortMessage : (e as Error).message.split('\n')[0]}`,
    );
    return 3;
  } finally {
    await pool.end();
  }
}
