import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, IntColumn as IntColumn_, Index as Index_, StringColumn as StringColumn_, DateTimeColumn as DateTimeColumn_} from "@subsquid/typeorm-store"

/**
 * The chained state digest: one row per block that carried protocol events,
 * digest = sha256(previous digest || canonical JSON of every row written in the block). Rolled back with
 * reorgs like any entity. Two indexers of the same chain agree iff their latest digests agree.
 */
@Entity_()
export class BlockDigest {
    constructor(props?: Partial<BlockDigest>) {
        Object.assign(this, props)
    }

    /**
     * block height, 10 digits zero-padded
     */
    @PrimaryColumn_({type: 'varchar'})
    id!: string

    @Index_()
    @IntColumn_({nullable: false})
    height!: number

    @StringColumn_({nullable: false})
    hash!: string

    @DateTimeColumn_({nullable: false})
    timestamp!: Date

    @IntColumn_({nullable: false})
    events!: number

    @IntColumn_({nullable: false})
    rows!: number

    @StringColumn_({nullable: false})
    digest!: string
}
