import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, ManyToOne as ManyToOne_, Index as Index_, IntColumn as IntColumn_, BigIntColumn as BigIntColumn_, StringColumn as StringColumn_, DateTimeColumn as DateTimeColumn_} from "@subsquid/typeorm-store"
import {GovernanceProposal} from "./governanceProposal.model.js"
import {Account} from "./account.model.js"

/**
 * A vote (VoteCast): weight is the voter's delegated stake at the snapshot.
 */
@Entity_()
export class GovernanceVote {
    constructor(props?: Partial<GovernanceVote>) {
        Object.assign(this, props)
    }

    /**
     * event id
     */
    @PrimaryColumn_({type: 'varchar'})
    id!: string

    @Index_()
    @ManyToOne_(() => GovernanceProposal, {nullable: true})
    proposal!: GovernanceProposal

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    voter!: Account

    /**
     * 0 against, 1 for, 2 abstain
     */
    @Index_()
    @IntColumn_({nullable: false})
    support!: number

    @BigIntColumn_({nullable: false})
    weight!: bigint

    @StringColumn_({nullable: false})
    reason!: string

    @Index_()
    @IntColumn_({nullable: false})
    blockNumber!: number

    @DateTimeColumn_({nullable: false})
    timestamp!: Date

    @StringColumn_({nullable: false})
    txHash!: string
}
