import type { DataSource, EntityManager } from 'typeorm';
import { IndexerStore } from './indexerStore.js';

/**
 * Runs `tx` in one SERIALIZABLE transaction with a store over it, retried up to three times on a
 * serialization failure (40001), as the processor's stock store does: a second writer or an ANALYZE running
 * beside a batch makes Postgres abort one of them, and a retry of the same batch is then correct.
 */
export async function serializable<T>(
  ds: DataSource,
  tx: (store: IndexerStore, em: EntityManager) => Promise<T>,
): Promise<T> {
  for (let retries = 3; ; retries--) {
    try {
      return await ds.transaction('SERIALIZABLE', async (em) => {
        const store = new IndexerStore(em);
        try {
          return await tx(store, em);
        } finally {
          store.close();
        }
      });
    } catch (e) {
      if ((e as { code?: string }).code !== '40001' || retries === 0) throw e;
    }
  }
}
