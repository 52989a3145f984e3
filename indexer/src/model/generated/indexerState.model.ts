import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, IntColumn as IntColumn_, StringColumn as StringColumn_, DateTimeColumn as DateTimeColumn_} from "@subsquid/typeorm-store"

/**
 * The indexer's latest view (a single row, id "current"): what indexerStatus reports.
 */
@Entity_()
export class IndexerState {
    constructor(props?: Partial<IndexerState>) {
        Object.assign(this, props)
    }

    @PrimaryColumn_({type: 'varchar'})
    id!: string

    @IntColumn_({nullable: false})
    chainId!: number

    @IntColumn_({nullable: false})
    indexedHeight!: number

    @StringColumn_({nullable: false})
    indexedHash!: string

    @IntColumn_({nullable: false})
    chainHeadHeight!: number

    @StringColumn_({nullable: true})
    chainHeadHash!: string | undefined | null

    @StringColumn_({nullable: false})
    digest!: string

    @IntColumn_({nullable: false})
    digestHeight!: number

    @DateTimeColumn_({nullable: false})
    updatedAt!: Date
}
