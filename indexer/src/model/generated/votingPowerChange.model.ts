import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, StringColumn as StringColumn_, Index as Index_, BigIntColumn as BigIntColumn_, IntColumn as IntColumn_, DateTimeColumn as DateTimeColumn_} from "@subsquid/typeorm-store"

/**
 * Voting power over time (DelegateVotesChanged).
 */
@Entity_()
export class VotingPowerChange {
    constructor(props?: Partial<VotingPowerChange>) {
        Object.assign(this, props)
    }

    /**
     * event id
     */
    @PrimaryColumn_({type: 'varchar'})
    id!: string

    @Index_()
    @StringColumn_({nullable: false})
    delegate!: string

    @BigIntColumn_({nullable: false})
    previousVotes!: bigint

    @BigIntColumn_({nullable: false})
    newVotes!: bigint

    @Index_()
    @IntColumn_({nullable: false})
    blockNumber!: number

    @Index_()
    @DateTimeColumn_({nullable: false})
    timestamp!: Date

    @StringColumn_({nullable: false})
    txHash!: string
}
