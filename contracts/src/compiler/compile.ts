import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTRACT_NAMES, type ContractName, UserError } from '@ae/core';
import solc from 'solc';

export interface CompiledContract {
  abi: unknown[];
  bytecode: `0x${string}`;
}

export const SOLC_VERSION = '0.8.30';
const SRC = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function solidityFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return solidityFiles(p);
    return e.name.endsWith('.sol') ? [p] : [];
  });
}

/** Resolves `@openzeppelin/...` imports from node_modules: no compiler or library download, ever. */
function findImport(path: string): { contents: string } | { error: string } {
  try {
    return { contents: readFileSync(require.resolve(path), 'utf8') };
  } catch {
    return { error: `import not found: ${path}` };
  }
}

/**
 * Compiles every .sol file under contracts/src with the pinned solc-js. `abiOnly` skips code generation,
 * which makes the drift check in the tests fast; the build script always generates bytecode.
 */
export function compileProtocol(
  opts: { abiOnly?: boolean; onWarning?: (message: string) => void } = {},
): Record<ContractName, CompiledContract> {
  const loaded = (solc as { version(): string }).version();
  if (!loaded.startsWith(SOLC_VERSION)) throw new UserError(`solc ${SOLC_VERSION} expected, found ${loaded}`);
  const sources: Record<string, { content: string }> = {};
  for (const file of solidityFiles(SRC)) {
    sources[relative(SRC, file).split(sep).join('/')] = { content: readFileSync(file, 'utf8') };
  }
  const input = {
    language: 'Solidity',
    sources,
    settings: {
      optimizer: { enabled: !opts.abiOnly, runs: 200 },
      evmVersion: 'cancun',
      outputSelection: { '*': { '*': opts.abiOnly ? ['abi'] : ['abi', 'evm.bytecode.object'] } },
    },
  };
  const output = JSON.parse(solc.compile(JSON.stringify(input), { import: findImport })) as SolcOutput;
  for (const w of output.errors ?? []) if (w.severity !== 'error') opts.onWarning?.(w.formattedMessage);
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) {
    throw new UserError('Solidity compilation failed', {
      details: errors.map((e) => e.formattedMessage).join('\n'),
    });
  }
  const result = {} as Record<ContractName, CompiledContract>;
  for (const name of CONTRACT_NAMES) {
    const unit = output.contracts?.[`protocol/${name}.sol`]?.[name];
    if (!unit) throw new UserError(`contract ${name} missing from the compiler output`);
    result[name] = { abi: unit.abi, bytecode: `0x${unit.evm?.bytecode?.object ?? ''}` };
  }
  return result;
}

interface SolcOutput {
  errors?: { severity: string; formattedMessage: string }[];
  contracts?: Record<string, Record<string, { abi: unknown[]; evm?: { bytecode?: { object: string } } }>>;
}
