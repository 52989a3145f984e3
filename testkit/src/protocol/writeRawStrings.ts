import { protocolArtifacts } from '@ae/contracts';
import type { ContractName } from '@ae/core';
import {
  type Abi,
  type AbiFunction,
  type AbiParameter,
  concat,
  encodeAbiParameters,
  type Hex,
  toFunctionSelector,
  toHex,
} from 'viem';
import type { Actor, ProtocolDriver } from './ProtocolDriver.js';

/** The same parameter list with every string (in tuples and arrays too) typed as bytes: one encoding. */
function asBytes(p: AbiParameter): AbiParameter {
  const type = p.type.replace(/^string/, 'bytes');
  const c = (p as { components?: AbiParameter[] }).components;
  return c ? ({ ...p, type, components: c.map(asBytes) } as AbiParameter) : { ...p, type };
}

/** Uint8Array values become hex, recursively (viem encodes bytes from hex). */
function hexify(v: unknown): unknown {
  if (v instanceof Uint8Array) return toHex(v);
  if (Array.isArray(v)) return v.map(hexify);
  if (v && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, hexify(x)]));
  return v;
}

/**
 * Calls a protocol function whose string arguments may be any bytes (Uint8Array): invalid UTF-8, NUL, encoded
 * surrogates, what a hostile account sends and a client library would never encode from a string. ABI strings
 * and bytes share one encoding, so the call data is the function's selector with bytes in the string slots.
 */
export async function writeRawStrings(
  d: ProtocolDriver,
  who: Actor,
  contract: ContractName,
  functionName: string,
  args: unknown[],
  value?: bigint,
): Promise<Hex> {
  const fn = (protocolArtifacts[contract].abi as Abi).find(
    (x): x is AbiFunction => x.type === 'function' && x.name === functionName,
  );
  if (!fn) throw new Error(`${contract} has no function ${functionName}`);
  const data = concat([
    toFunctionSelector(fn),
    encodeAbiParameters(fn.inputs.map(asBytes), hexify(args) as never),
  ]);
  const wallet = d[who];
  const hash = await wallet.sendTransaction({ to: d.contracts[contract], data, value, gas: 500_000_000n });
  const r = await d.pub.waitForTransactionReceipt({ hash, timeout: 120_000, pollingInterval: 20 });
  if (r.status !== 'success') throw new Error(`${contract}.${functionName} reverted in ${hash}`);
  return hash;
}
