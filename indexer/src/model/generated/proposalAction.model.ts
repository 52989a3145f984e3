import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, ManyToOne as ManyToOne_, Index as Index_, IntColumn as IntColumn_, StringColumn as StringColumn_, BigIntColumn as BigIntColumn_} from "@subsquid/typeorm-store"
import {GovernanceProposal} from "./governanceProposal.model.js"

/**
 * One call of a proposal, decoded with the protocol ABIs where the target is a protocol contract.
 */
@Entity_()
export class ProposalAction {
    constructor(props?: Partial<ProposalAction>) {
        Object.assign(this, props)
    }

    /**
     * proposal id - index
     */
    @PrimaryColumn_({type: 'varchar'})
    id!: string

    @Index_()
    @ManyToOne_(() => GovernanceProposal, {nullable: true})
    proposal!: GovernanceProposal

    @IntColumn_({nullable: false})
    index!: number

    @StringColumn_({nullable: false})
    target!: string

    /**
     * protocol contract name of the target, null for any other address
     */
    @StringColumn_({nullable: true})
    contract!: string | undefined | null

    @BigIntColumn_({nullable: false})
    value!: bigint

    @StringColumn_({nullable: false})
    calldata!: string

    /**
     * decoded function name, null when the calldata does not decode
     */
    @StringColumn_({nullable: true})
    functionName!: string | undefined | null

    /**
     * decoded arguments as JSON (integers as decimal strings)
     */
    @StringColumn_({nullable: true})
    args!: string | undefined | null
}
