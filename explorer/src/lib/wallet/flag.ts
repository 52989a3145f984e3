export type SignMode = 'injected' | 'devnet';

/** Placeholder until the API's typed-data export lands (see report). */
export async function signAndFlag(
  _mode: SignMode,
  _attributionId: string,
  _reason: string,
): Promise<{ auditor: string }> {
  throw new Error('Flagging is not wired yet');
}
