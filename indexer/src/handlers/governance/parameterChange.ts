import { ParameterChange, type TreasuryGrant } from '../../model/generated/index.js';
import type { BatchState, EventPosition } from '../batchState.js';
import { gov } from './governanceState.js';

/** Records a governed parameter's new value; a ProposalExecuted later in the same transaction links it. */
export function parameterChange(
  st: BatchState,
  pos: EventPosition,
  id: string,
  contract: string,
  parameter: string,
  value: bigint,
  paramsHash: string | null = null,
): void {
  const row = st.inserted(
    gov(st).params,
    new ParameterChange({
      id,
      contract,
      parameter,
      value,
      paramsHash,
      proposal: null,
      blockNumber: pos.blockNumber,
      timestamp: pos.timestamp,
      txHash: pos.txHash,
    }),
  );
  waitForProposal(st, pos, row);
}

/** Parks a row until the transaction's ProposalExecuted (none: an admin key made the change). */
export function waitForProposal(
  st: BatchState,
  pos: EventPosition,
  row: ParameterChange | TreasuryGrant,
): void {
  const m = gov(st).unlinked;
  m.set(pos.txHash, [...(m.get(pos.txHash) ?? []), row]);
}
