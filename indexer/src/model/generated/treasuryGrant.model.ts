import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, ManyToOne as ManyToOne_, Index as Index_, BigIntColumn as BigIntColumn_, IntColumn as IntColumn_, StringColumn as StringColumn_, DateTimeColumn as DateTimeColumn_} from "@subsquid/typeorm-store"
import {Account} from "./account.model.js"
import {Datanet} from "./datanet.model.js"
import {Model} from "./model.model.js"
import {GovernanceProposal} from "./governanceProposal.model.js"

/**
 * A grant the Treasury paid (GrantPaid); kind 0 account, 1 datanet, 2 model.
 */
@Entity_()
export class TreasuryGrant {
    constructor(props?: Partial<TreasuryGrant>) {
        Object.assign(this, props)
    }

    /**
     * grant id
     */
    @PrimaryColumn_({type: 'varchar'})
    id!: string

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    recipient!: Account

    @BigIntColumn_({nullable: false})
    amount!: bigint

    @IntColumn_({nullable: false})
    kind!: number

    @BigIntColumn_({nullable: false})
    targetId!: bigint

    @Index_()
    @ManyToOne_(() => Datanet, {nullable: true})
    datanet!: Datanet | undefined | null

    @Index_()
    @ManyToOne_(() => Model, {nullable: true})
    model!: Model | undefined | null

    @StringColumn_({nullable: false})
    memo!: string

    @Index_()
    @ManyToOne_(() => GovernanceProposal, {nullable: true})
    proposal!: GovernanceProposal | undefined | null

    @Index_()
    @IntColumn_({nullable: false})
    blockNumber!: number

    @DateTimeColumn_({nullable: false})
    timestamp!: Date

    @StringColumn_({nullable: false})
    txHash!: string
}
