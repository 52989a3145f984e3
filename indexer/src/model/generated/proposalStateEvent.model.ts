import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, ManyToOne as ManyToOne_, Index as Index_, IntColumn as IntColumn_, DateTimeColumn as DateTimeColumn_, StringColumn as StringColumn_} from "@subsquid/typeorm-store"
import {GovernanceProposal} from "./governanceProposal.model.js"
import {ProposalEventKind} from "./_proposalEventKind.js"

/**
 * An event that fixed a proposal's state (its timeline; time-derived states are computed by the API).
 */
@Entity_()
export class ProposalStateEvent {
    constructor(props?: Partial<ProposalStateEvent>) {
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

    @Column_("varchar", {length: 8, nullable: false})
    kind!: ProposalEventKind

    @Index_()
    @IntColumn_({nullable: false})
    blockNumber!: number

    @DateTimeColumn_({nullable: false})
    timestamp!: Date

    @StringColumn_({nullable: false})
    txHash!: string
}
