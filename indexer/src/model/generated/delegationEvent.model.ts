import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, StringColumn as StringColumn_, Index as Index_, IntColumn as IntColumn_, DateTimeColumn as DateTimeColumn_} from "@subsquid/typeorm-store"

/**
 * A delegation (DelegateChanged).
 */
@Entity_()
export class DelegationEvent {
    constructor(props?: Partial<DelegationEvent>) {
        Object.assign(this, props)
    }

    /**
     * event id
     */
    @PrimaryColumn_({type: 'varchar'})
    id!: string

    @Index_()
    @StringColumn_({nullable: false})
    delegator!: string

    @StringColumn_({nullable: false})
    fromDelegate!: string

    @Index_()
    @StringColumn_({nullable: false})
    toDelegate!: string

    @Index_()
    @IntColumn_({nullable: false})
    blockNumber!: number

    @DateTimeColumn_({nullable: false})
    timestamp!: Date

    @StringColumn_({nullable: false})
    txHash!: string
}
