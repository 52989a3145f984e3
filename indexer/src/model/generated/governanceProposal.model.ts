import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, ManyToOne as ManyToOne_, Index as Index_, StringColumn as StringColumn_, BigIntColumn as BigIntColumn_, IntColumn as IntColumn_, DateTimeColumn as DateTimeColumn_, OneToMany as OneToMany_} from "@subsquid/typeorm-store"
import {Account} from "./account.model.js"
import {ProposalEventKind} from "./_proposalEventKind.js"
import {ProposalAction} from "./proposalAction.model.js"
import {GovernanceVote} from "./governanceVote.model.js"
import {ProposalStateEvent} from "./proposalStateEvent.model.js"

/**
 * A Governor proposal (ProposalCreated). Times are the Governor's timestamp clock, in seconds.
 */
@Entity_()
export class GovernanceProposal {
    constructor(props?: Partial<GovernanceProposal>) {
        Object.assign(this, props)
    }

    /**
     * decimal proposal id (Governor.hashProposal)
     */
    @PrimaryColumn_({type: 'varchar'})
    id!: string

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    proposer!: Account

    /**
     * first line of the description without the leading #
     */
    @StringColumn_({nullable: false})
    title!: string

    @StringColumn_({nullable: false})
    description!: string

    /**
     * the snapshot: votes are counted as delegated at this time
     */
    @Index_()
    @BigIntColumn_({nullable: false})
    voteStart!: bigint

    /**
     * the deadline: the last second votes are accepted
     */
    @BigIntColumn_({nullable: false})
    voteEnd!: bigint

    @BigIntColumn_({nullable: false})
    forVotes!: bigint

    @BigIntColumn_({nullable: false})
    againstVotes!: bigint

    @BigIntColumn_({nullable: false})
    abstainVotes!: bigint

    @IntColumn_({nullable: false})
    voteCount!: number

    /**
     * the last event-fixed state (see ProposalEventKind)
     */
    @Index_()
    @Column_("varchar", {length: 8, nullable: false})
    lastEvent!: ProposalEventKind

    /**
     * seconds: when a queued proposal may execute
     */
    @BigIntColumn_({nullable: true})
    eta!: bigint | undefined | null

    /**
     * Timelock operation id (hashOperationBatch of the proposal's calls and the Governor's salt)
     */
    @StringColumn_({nullable: false})
    timelockOperationId!: string

    @Index_()
    @IntColumn_({nullable: false})
    createdBlock!: number

    @Index_()
    @DateTimeColumn_({nullable: false})
    createdAt!: Date

    @DateTimeColumn_({nullable: true})
    queuedAt!: Date | undefined | null

    @DateTimeColumn_({nullable: true})
    executedAt!: Date | undefined | null

    @DateTimeColumn_({nullable: true})
    canceledAt!: Date | undefined | null

    @StringColumn_({nullable: false})
    txHash!: string

    @OneToMany_(() => ProposalAction, e => e.proposal)
    actions!: ProposalAction[]

    @OneToMany_(() => GovernanceVote, e => e.proposal)
    votes!: GovernanceVote[]

    @OneToMany_(() => ProposalStateEvent, e => e.proposal)
    history!: ProposalStateEvent[]
}
