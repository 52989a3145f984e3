import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, StringColumn as StringColumn_, Index as Index_, BigIntColumn as BigIntColumn_, IntColumn as IntColumn_} from "@subsquid/typeorm-store"

/**
 * Governance view of an account: its delegate and the votes delegated to it.
 */
@Entity_()
export class GovernanceAccount {
    constructor(props?: Partial<GovernanceAccount>) {
        Object.assign(this, props)
    }

    /**
     * lowercase 0x address
     */
    @PrimaryColumn_({type: 'varchar'})
    id!: string

    /**
     * lowercase address it delegates to, null before its first delegation
     */
    @Index_()
    @StringColumn_({nullable: true})
    delegate!: string | undefined | null

    @Index_()
    @BigIntColumn_({nullable: false})
    votes!: bigint

    @IntColumn_({nullable: false})
    votesCast!: number

    @IntColumn_({nullable: false})
    proposalsMade!: number
}
