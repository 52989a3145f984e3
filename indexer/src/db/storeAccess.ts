import type { Store } from '@subsquid/typeorm-store';
import type { EntityManager } from 'typeorm';

type EntityClass = abstract new (...args: never[]) => { id: string };

/** The hot-block change log of @subsquid/typeorm-store (set only while a hot block is being written). */
export interface ChangeLog {
  trackInsert(cls: EntityClass, rows: { id: string }[]): Promise<void>;
  trackUpsert(cls: EntityClass, rows: { id: string }[]): Promise<void>;
}

/**
 * The store's transaction and its hot-block change log. `Store` keeps both private; the bulk writer needs
 * them to write with plain SQL while still recording what a reorg must undo. Pinned to typeorm-store 1.5.x:
 * a version without them fails here, loudly, instead of silently losing reorg safety.
 */
export function storeAccess(store: Store): { em: EntityManager; changes: ChangeLog | undefined } {
  const s = store as unknown as { em?: () => EntityManager; changes?: ChangeLog };
  if (typeof s.em !== 'function')
    throw new Error('@subsquid/typeorm-store changed: Store.em is gone (the bulk writer needs 1.5.x)');
  const changes = s.changes;
  if (changes && (typeof changes.trackInsert !== 'function' || typeof changes.trackUpsert !== 'function'))
    throw new Error('@subsquid/typeorm-store changed: its change tracker has no trackInsert/trackUpsert');
  return { em: s.em(), changes };
}
