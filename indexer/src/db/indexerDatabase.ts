import { TypeormDatabase } from '@subsquid/typeorm-store';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './dataSourceOptions.js';

/**
 * squid's TypeormDatabase, connected with the model's entity classes instead of a compiled lib/model that
 * squid's config loader would look for: the model is TypeScript executed by tsx (no build step).
 */
export class IndexerDatabase extends TypeormDatabase {
  private ds?: DataSource;

  constructor(
    private readonly url: string,
    opts: { supportHotBlocks: boolean; stateSchema: string },
  ) {
    super({
      supportHotBlocks: opts.supportHotBlocks,
      stateSchema: opts.stateSchema,
      isolationLevel: 'SERIALIZABLE',
    });
  }

  get dataSource(): DataSource {
    if (!this.ds) throw new Error('IndexerDatabase is not connected');
    return this.ds;
  }

  override async connect(): ReturnType<TypeormDatabase['connect']> {
    const self = this as unknown as {
      con?: DataSource;
      initTransaction(em: unknown): ReturnType<TypeormDatabase['connect']>;
    };
    if (self.con) throw new Error('already connected');
    const ds = new DataSource(dataSourceOptions(this.url));
    await ds.initialize();
    self.con = ds;
    this.ds = ds;
    try {
      return await ds.transaction('SERIALIZABLE', (em) => self.initTransaction(em));
    } catch (e) {
      await ds.destroy().catch(() => {});
      self.con = undefined;
      this.ds = undefined;
      throw e;
    }
  }
}
