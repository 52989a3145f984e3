import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, StringColumn as StringColumn_, Index as Index_, BigIntColumn as BigIntColumn_, ManyToOne as ManyToOne_, IntColumn as IntColumn_, DateTimeColumn as DateTimeColumn_} from "@subsquid/typeorm-store"
import {GovernanceProposal} from "./governanceProposal.model.js"

/**
 * A governed parameter changed (ParameterChanged, SplitParametersChanged): who changed it, by which proposal.
 */
@Entity_()
export class ParameterChange {
    constructor(props?: Partial<ParameterChange>) {
        Object.assign(this, props)
    }

    /**
     * event id - field
     */
    @PrimaryColumn_({type: 'varchar'})
    id!: string

    @Index_()
    @StringColumn_({nullable: false})
    contract!: string

    /**
     * e.g. challengeWindow, split.contributorsBps, poaMethod.tracin-cp@1, curatedDatanet.3, computeProvider.0x…
     */
    @Index_()
    @StringColumn_({nullable: false})
    parameter!: string

    /**
     * the new value; for poaMethod / curatedDatanet / computeProvider 1 = allowed / approved, 0 = not
     */
    @BigIntColumn_({nullable: false})
    value!: bigint

    /**
     * poaMethod only: the pinned canonical parameters' hash (null: any parameters)
     */
    @StringColumn_({nullable: true})
    paramsHash!: string | undefined | null

    /**
     * the executed proposal whose transaction made the change (null: an admin key)
     */
    @Index_()
    @ManyToOne_(() => GovernanceProposal, {nullable: true})
    proposal!: GovernanceProposal | undefined | null

    @Index_()
    @IntColumn_({nullable: false})
    blockNumber!: number

    @Index_()
    @DateTimeColumn_({nullable: false})
    timestamp!: Date

    @StringColumn_({nullable: false})
    txHash!: string
}
