import { GovernedSetting } from '../../model/generated/index.js';
import type { BatchState, EventPosition } from '../batchState.js';
import { addr } from '../derived.js';
import type { PartialHandlers } from '../types.js';
import { sid } from '../types.js';
import { gov } from './governanceState.js';
import { parameterChange } from './parameterChange.js';

/** The governed approvals beyond parameters, as ParameterChange names them (`<kind>.<subject>`). */
export type SettingKind = 'poaMethod' | 'curatedDatanet' | 'computeProvider';

const ZERO_HASH = `0x${'0'.repeat(64)}`;

/** The setting's current row (`kind:subject`), or undefined before its first change. */
export function setting(st: BatchState, kind: SettingKind, subject: string) {
  return gov(st).settings.get(st.store, `${kind}:${subject}`);
}

/**
 * Records one governed approval: a ParameterChange (`<kind>.<subject>`, 1 or 0; linked to the executing
 * proposal like every parameter) and the setting's current value.
 */
async function applySetting(
  st: BatchState,
  pos: EventPosition,
  contract: string,
  kind: SettingKind,
  subject: string,
  enabled: boolean,
  paramsHash: string | null,
): Promise<GovernedSetting> {
  parameterChange(st, pos, pos.id, contract, `${kind}.${subject}`, enabled ? 1n : 0n, paramsHash);
  const g = gov(st);
  let row = await setting(st, kind, subject);
  if (!row) {
    row = st.created(
      g.settings,
      new GovernedSetting({
        id: `${kind}:${subject}`,
        kind,
        subject,
        enabled,
        paramsHash,
        lastChange: pos.id,
        updatedBlock: pos.blockNumber,
        updatedAt: pos.timestamp,
      }),
    );
  }
  row.enabled = enabled;
  row.paramsHash = paramsHash;
  row.lastChange = pos.id;
  row.updatedBlock = pos.blockNumber;
  row.updatedAt = pos.timestamp;
  return st.changed(g.settings, row);
}

export const settingHandlers: PartialHandlers<
  'MethodRuleSet' | 'DatanetApprovalSet' | 'ProviderApprovalSet'
> = {
  MethodRuleSet: {
    prefetch: () => {},
    async apply(st, pos, a) {
      const hash = a.paramsHash.toLowerCase() === ZERO_HASH ? null : a.paramsHash.toLowerCase();
      await applySetting(st, pos, 'AttributionRegistry', 'poaMethod', a.method, a.allowed, hash);
      return undefined;
    },
  },
  DatanetApprovalSet: {
    prefetch: (st, a) => st.datanets.want(sid(a.datanetId)),
    async apply(st, pos, a) {
      const d = await st.datanets.get(st.store, sid(a.datanetId));
      if (!d) return `approval of unknown datanet ${a.datanetId}`;
      await applySetting(st, pos, 'DatanetRegistry', 'curatedDatanet', d.id, a.approved, null);
      d.approved = a.approved;
      st.changed(st.datanets, d);
      return undefined;
    },
  },
  ProviderApprovalSet: {
    prefetch: (st, a) => st.providers.want(addr(a.provider)),
    async apply(st, pos, a) {
      const id = addr(a.provider);
      await applySetting(st, pos, 'ComputeRegistry', 'computeProvider', id, a.approved, null);
      // an approval may precede the registration: ProviderRegistered then reads the setting
      const p = await st.providers.get(st.store, id);
      if (p) {
        p.approved = a.approved;
        st.changed(st.providers, p);
      }
      return undefined;
    },
  },
};
