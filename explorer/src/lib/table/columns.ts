import { categoryLabel } from '../format/moneyCategory.js';
import type { Column } from './types.js';

type R = Record<string, any>;

/** Column sets reused by several pages, so the same table looks the same everywhere. */
export const datanetCols: Column[] = [
  {
    key: 'id',
    label: 'Datanet',
    type: 'entity',
    entity: 'datanet',
    get: (r: R) => r.id,
    label_: (r: R) => r.name,
    sort: 'createdBlock',
  },
  { key: 'owner', label: 'Owner', type: 'entity', entity: 'account', get: (r: R) => r.owner?.id },
  {
    key: 'contributions',
    label: 'Contributions',
    type: 'int',
    get: (r: R) => r.contributionCount,
    align: 'right',
  },
  { key: 'models', label: 'Models trained', type: 'int', get: (r: R) => r.trainedModelCount, align: 'right' },
  {
    key: 'influence',
    label: 'Influence',
    type: 'influence',
    get: (r: R) => r.influencePpm,
    sort: 'influencePpm',
    align: 'right',
  },
  {
    key: 'rewards',
    label: 'Rewards',
    type: 'open',
    get: (r: R) => r.totalRewards,
    sort: 'totalRewards',
    align: 'right',
  },
  { key: 'uri', label: 'Metadata', type: 'uri', get: (r: R) => r.metadataURI },
  { key: 'created', label: 'Created', type: 'time', get: (r: R) => r.createdAt, sort: 'createdAt' },
];

export const modelCols: Column[] = [
  {
    key: 'id',
    label: 'Model',
    type: 'entity',
    entity: 'model',
    get: (r: R) => r.id,
    label_: (r: R) => r.name,
    sort: 'index',
  },
  { key: 'kind', label: 'Kind', get: (r: R) => r.kind },
  { key: 'category', label: 'Category', get: (r: R) => categoryLabel(r.category ?? '') },
  {
    key: 'base',
    label: 'Base',
    type: 'entity',
    entity: 'model',
    get: (r: R) => r.baseModel?.id,
    label_: (r: R) => r.baseModel?.name,
  },
  { key: 'owner', label: 'Owner', type: 'entity', entity: 'account', get: (r: R) => r.owner?.id },
  { key: 'fee', label: 'Fee', type: 'open', get: (r: R) => r.feePerInference, align: 'right' },
  {
    key: 'inferences',
    label: 'Inferences',
    type: 'int',
    get: (r: R) => r.inferenceCount,
    sort: 'inferenceCount',
    align: 'right',
  },
  {
    key: 'fees',
    label: 'Fees earned',
    type: 'open',
    get: (r: R) => r.totalFees,
    sort: 'totalFees',
    align: 'right',
  },
  {
    key: 'registered',
    label: 'Registered',
    type: 'time',
    get: (r: R) => r.registeredAt,
    sort: 'registeredAt',
  },
];

export const contributionCols: Column[] = [
  {
    key: 'id',
    label: 'Contribution',
    type: 'entity',
    entity: 'contribution',
    get: (r: R) => r.id,
    sort: 'index',
  },
  {
    key: 'datanet',
    label: 'Datanet',
    type: 'entity',
    entity: 'datanet',
    get: (r: R) => r.datanet?.id,
    label_: (r: R) => r.datanet?.name,
  },
  {
    key: 'contributor',
    label: 'Contributor',
    type: 'entity',
    entity: 'account',
    get: (r: R) => r.contributor?.id,
  },
  { key: 'status', label: 'Status', type: 'verdict', get: (r: R) => r.status },
  { key: 'hash', label: 'Content hash', type: 'entity', entity: 'hash', get: (r: R) => r.contentHash },
  { key: 'shares', label: 'Credited', type: 'int', get: (r: R) => r.attributionShareCount, align: 'right' },
  {
    key: 'weight',
    label: 'Total weight',
    type: 'influence',
    get: (r: R) => r.totalWeightPpm,
    sort: 'totalWeightPpm',
    align: 'right',
  },
  {
    key: 'rewards',
    label: 'Rewards',
    type: 'open',
    get: (r: R) => r.totalRewards,
    sort: 'totalRewards',
    align: 'right',
  },
  { key: 'submitted', label: 'Submitted', type: 'time', get: (r: R) => r.submittedAt, sort: 'submittedAt' },
];

export const inferenceCols: Column[] = [
  { key: 'id', label: 'Inference', type: 'entity', entity: 'inference', get: (r: R) => r.id, sort: 'index' },
  {
    key: 'model',
    label: 'Model',
    type: 'entity',
    entity: 'model',
    get: (r: R) => r.model?.id,
    label_: (r: R) => r.model?.name,
  },
  { key: 'user', label: 'User', type: 'entity', entity: 'account', get: (r: R) => r.user?.id },
  { key: 'provider', label: 'Provider', type: 'entity', entity: 'account', get: (r: R) => r.provider?.id },
  { key: 'fee', label: 'Fee', type: 'open', get: (r: R) => r.fee, sort: 'fee', align: 'right' },
  { key: 'time', label: 'Time', type: 'time', get: (r: R) => r.timestamp, sort: 'blockNumber' },
];

export const shareCols: Column[] = [
  {
    key: 'inference',
    label: 'Inference',
    type: 'entity',
    entity: 'inference',
    get: (r: R) => r.attribution?.inference?.id,
  },
  {
    key: 'model',
    label: 'Model',
    type: 'entity',
    entity: 'model',
    get: (r: R) => r.attribution?.model?.id,
    label_: (r: R) => r.attribution?.model?.name,
  },
  {
    key: 'contribution',
    label: 'Contribution',
    type: 'entity',
    entity: 'contribution',
    get: (r: R) => r.contribution?.id,
  },
  {
    key: 'contributor',
    label: 'Contributor',
    type: 'entity',
    entity: 'account',
    get: (r: R) => r.contributor?.id,
  },
  {
    key: 'datanet',
    label: 'Datanet',
    type: 'entity',
    entity: 'datanet',
    get: (r: R) => r.datanet?.id,
    label_: (r: R) => r.datanet?.name,
  },
  {
    key: 'weight',
    label: 'Weight',
    type: 'ppm',
    get: (r: R) => r.weightPpm,
    sort: 'weightPpm',
    align: 'right',
  },
  { key: 'reward', label: 'Reward', type: 'open', get: (r: R) => r.reward, align: 'right' },
  { key: 'status', label: 'Attribution', type: 'verdict', get: (r: R) => r.attribution?.status },
  { key: 'time', label: 'Time', type: 'time', get: (r: R) => r.timestamp, sort: 'blockNumber' },
];

export const rewardCols: Column[] = [
  { key: 'account', label: 'Account', type: 'entity', entity: 'account', get: (r: R) => r.account?.id },
  { key: 'role', label: 'Role', get: (r: R) => r.role },
  { key: 'category', label: 'Category', get: (r: R) => categoryLabel(r.category ?? '') },
  { key: 'amount', label: 'Amount', type: 'open', get: (r: R) => r.amount, sort: 'amount', align: 'right' },
  {
    key: 'inference',
    label: 'Inference',
    type: 'entity',
    entity: 'inference',
    get: (r: R) => r.inference?.id,
  },
  { key: 'tx', label: 'Tx', type: 'entity', entity: 'tx', get: (r: R) => r.txHash },
  { key: 'time', label: 'Time', type: 'time', get: (r: R) => r.timestamp, sort: 'blockNumber' },
];

export const transferCols: Column[] = [
  { key: 'kind', label: 'Kind', get: (r: R) => r.kind },
  { key: 'category', label: 'Category', get: (r: R) => categoryLabel(r.category ?? '') },
  { key: 'from', label: 'From', type: 'entity', entity: 'account', get: (r: R) => r.from },
  { key: 'to', label: 'To', type: 'entity', entity: 'account', get: (r: R) => r.to },
  { key: 'amount', label: 'Amount', type: 'open', get: (r: R) => r.amount, sort: 'amount', align: 'right' },
  {
    key: 'inference',
    label: 'Inference',
    type: 'entity',
    entity: 'inference',
    get: (r: R) => r.inference?.id,
  },
  { key: 'tx', label: 'Tx', type: 'entity', entity: 'tx', get: (r: R) => r.txHash },
  { key: 'time', label: 'Time', type: 'time', get: (r: R) => r.timestamp, sort: 'blockNumber' },
];

export const attributionCols: Column[] = [
  {
    key: 'id',
    label: 'Attribution',
    type: 'entity',
    entity: 'attribution',
    get: (r: R) => r.id,
    sort: 'index',
  },
  {
    key: 'inference',
    label: 'Inference',
    type: 'entity',
    entity: 'inference',
    get: (r: R) => r.inference?.id,
  },
  {
    key: 'model',
    label: 'Model',
    type: 'entity',
    entity: 'model',
    get: (r: R) => r.model?.id,
    label_: (r: R) => r.model?.name,
  },
  { key: 'method', label: 'Method', get: (r: R) => r.method },
  { key: 'status', label: 'Status', type: 'verdict', get: (r: R) => r.status },
  { key: 'shares', label: 'Shares', type: 'int', get: (r: R) => r.shareCount, align: 'right' },
  { key: 'poster', label: 'Poster', type: 'entity', entity: 'account', get: (r: R) => r.poster?.id },
  { key: 'tx', label: 'Tx', type: 'entity', entity: 'tx', get: (r: R) => r.txHash },
  { key: 'time', label: 'Time', type: 'time', get: (r: R) => r.timestamp, sort: 'blockNumber' },
];

const ROLE_FLAGS: [string, string][] = [
  ['isContributor', 'contributor'],
  ['isCurator', 'curator'],
  ['isModelOwner', 'model owner'],
  ['isProvider', 'provider'],
  ['isPoster', 'poster'],
  ['isStaker', 'staker'],
  ['isInferenceUser', 'user'],
];
/** The roles an account has played, as words. */
export const rolesOf = (r: R): string[] => ROLE_FLAGS.filter(([k]) => r[k]).map(([, v]) => v);

export const accountCols: Column[] = [
  {
    key: 'id',
    label: 'Account',
    type: 'entity',
    entity: 'account',
    get: (r: R) => r.id,
    sort: 'firstSeenBlock',
  },
  { key: 'roles', label: 'Roles', get: (r: R) => rolesOf(r).join(', ') },
  {
    key: 'earned',
    label: 'Earned',
    type: 'open',
    get: (r: R) => r.totalEarned,
    sort: 'totalEarned',
    align: 'right',
  },
  { key: 'stake', label: 'Stake', type: 'open', get: (r: R) => r.stake, sort: 'stake', align: 'right' },
  {
    key: 'contributions',
    label: 'Contributions',
    type: 'int',
    get: (r: R) => r.contributionCount,
    align: 'right',
  },
  { key: 'inferences', label: 'Inferences', type: 'int', get: (r: R) => r.inferenceCount, align: 'right' },
  {
    key: 'reputation',
    label: 'Reputation',
    type: 'int',
    get: (r: R) => r.reputation,
    sort: 'reputation',
    align: 'right',
  },
  { key: 'active', label: 'Last active', type: 'time', get: (r: R) => r.lastActiveAt, sort: 'lastActiveAt' },
];

export const disputeCols: Column[] = [
  { key: 'id', label: 'Dispute', get: (r: R) => r.id, sort: 'openedBlock' },
  { key: 'status', label: 'Status', type: 'verdict', get: (r: R) => r.status },
  {
    key: 'attribution',
    label: 'Attribution',
    type: 'entity',
    entity: 'attribution',
    get: (r: R) => r.attribution?.id,
  },
  {
    key: 'inference',
    label: 'Inference',
    type: 'entity',
    entity: 'inference',
    get: (r: R) => r.attribution?.inference?.id,
  },
  {
    key: 'challenger',
    label: 'Challenger',
    type: 'entity',
    entity: 'account',
    get: (r: R) => r.challenger?.id,
  },
  { key: 'bond', label: 'Bond', type: 'open', get: (r: R) => r.bond, align: 'right' },
  { key: 'time', label: 'Opened', type: 'time', get: (r: R) => r.openedAt, sort: 'openedAt' },
];
