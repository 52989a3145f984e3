type AbiItem = { type?: string; name?: string; inputs?: unknown[] };

/** The union of the custom errors of several ABIs, each signature once (sorted, so the output is stable). */
export function errorsOf(abis: readonly unknown[][]): AbiItem[] {
  const seen = new Map<string, AbiItem>();
  for (const abi of abis) {
    for (const item of abi as AbiItem[]) {
      if (item.type !== 'error') continue;
      const key = `${item.name}(${JSON.stringify(item.inputs)})`;
      if (!seen.has(key)) seen.set(key, item);
    }
  }
  return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}
