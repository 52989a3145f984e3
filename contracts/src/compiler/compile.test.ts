import { readFileSync } from 'node:fs';
import { CONTRACT_NAMES } from '@ae/core';
import { describe, expect, it } from 'vitest';
import { protocolArtifacts } from '../artifacts.js';
import { compileProtocol } from './compile.js';

const generated = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../generated/${name}.json`, import.meta.url), 'utf8')) as {
    abi: unknown[];
    bytecode: string;
  };

describe('generated ABIs', () => {
  it('match a fresh compile of contracts/src (run `npm run build -w contracts` when this fails)', () => {
    const fresh = compileProtocol({ abiOnly: true });
    for (const name of CONTRACT_NAMES) {
      expect(generated(name).abi, name).toEqual(fresh[name].abi);
      expect(protocolArtifacts[name].abi, name).toEqual(fresh[name].abi);
      expect(protocolArtifacts[name].bytecode).toBe(generated(name).bytecode);
      expect(generated(name).bytecode).toMatch(/^0x[0-9a-f]{200,}$/);
    }
  });
});
