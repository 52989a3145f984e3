import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, Index as Index_, ManyToOne as ManyToOne_, IntColumn as IntColumn_, BigIntColumn as BigIntColumn_, DateTimeColumn as DateTimeColumn_, StringColumn as StringColumn_} from "@subsquid/typeorm-store"
import {Account} from "./account.model.js"
import {Inference} from "./inference.model.js"
import {RewardRole} from "./_rewardRole.js"
import {MoneyCategory} from "./_moneyCategory.js"

/**
 * One RewardAccrued event: OPEN credited to an account in RewardDistributor.
 */
@Index_(["inference", "account"], {unique: false})
@Entity_()
export class RewardAccrual {
    constructor(props?: Partial<RewardAccrual>) {
        Object.assign(this, props)
    }

    /**
     * event id
     */
    @PrimaryColumn_({type: 'varchar'})
    id!: string

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    account!: Account

    /**
     * null for credits that no inference caused (staking rewards, slashes)
     */
    @ManyToOne_(() => Inference, {nullable: true})
    inference!: Inference | undefined | null

    @Index_()
    @Column_("varchar", {length: 11, nullable: false})
    role!: RewardRole

    @IntColumn_({nullable: false})
    roleCode!: number

    /**
     * what the credit is (the role alone cannot tell a fee part from a slash or a bond)
     */
    @Index_()
    @Column_("varchar", {length: 20, nullable: false})
    category!: MoneyCategory

    /**
     * wei
     */
    @BigIntColumn_({nullable: false})
    amount!: bigint

    @Index_()
    @IntColumn_({nullable: false})
    blockNumber!: number

    @Index_()
    @DateTimeColumn_({nullable: false})
    timestamp!: Date

    @StringColumn_({nullable: false})
    txHash!: string

    @IntColumn_({nullable: false})
    logIndex!: number
}
