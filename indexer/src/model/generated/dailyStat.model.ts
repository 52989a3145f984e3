import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, DateTimeColumn as DateTimeColumn_, Index as Index_, IntColumn as IntColumn_, BigIntColumn as BigIntColumn_} from "@subsquid/typeorm-store"

/**
 * Per UTC day totals (id YYYY-MM-DD).
 */
@Entity_()
export class DailyStat {
    constructor(props?: Partial<DailyStat>) {
        Object.assign(this, props)
    }

    @PrimaryColumn_({type: 'varchar'})
    id!: string

    @Index_()
    @DateTimeColumn_({nullable: false})
    date!: Date

    @IntColumn_({nullable: false})
    inferences!: number

    @BigIntColumn_({nullable: false})
    fees!: bigint

    @BigIntColumn_({nullable: false})
    rewardsAccrued!: bigint

    @BigIntColumn_({nullable: false})
    contributorRewards!: bigint

    @BigIntColumn_({nullable: false})
    rewardsClaimed!: bigint

    @IntColumn_({nullable: false})
    newContributions!: number

    @IntColumn_({nullable: false})
    newDatanets!: number

    @IntColumn_({nullable: false})
    newModels!: number

    @IntColumn_({nullable: false})
    attributions!: number

    @IntColumn_({nullable: false})
    disputes!: number

    @BigIntColumn_({nullable: false})
    staked!: bigint

    @BigIntColumn_({nullable: false})
    unstaked!: bigint

    @BigIntColumn_({nullable: false})
    slashed!: bigint

    @IntColumn_({nullable: false})
    newAccounts!: number

    @IntColumn_({nullable: false})
    events!: number
}
