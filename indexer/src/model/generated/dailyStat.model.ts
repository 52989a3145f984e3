import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, DateTimeColumn as DateTimeColumn_, Index as Index_, IntColumn as IntColumn_, BigIntColumn as BigIntColumn_} from "@subsquid/typeorm-store"

/**
 * Per UTC day (of the block timestamp) totals, id YYYY-MM-DD. Amounts in wei, one MoneyCategory each.
 * Every day ties out: fees = feeProtocol + feeModelOwner + feeProvider + stakerRewards + escrowed, and
 * rewardsAccrued = feeProtocol + feeModelOwner + feeProvider + stakerRewards + contributorRewards + escrowLeftover + escrowForfeited.
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

    /**
     * fee-derived rewards (see above); never slashes or bonds
     */
    @BigIntColumn_({nullable: false})
    rewardsAccrued!: bigint

    @BigIntColumn_({nullable: false})
    feeProtocol!: bigint

    @BigIntColumn_({nullable: false})
    feeModelOwner!: bigint

    @BigIntColumn_({nullable: false})
    feeProvider!: bigint

    /**
     * FEE_STAKERS, booked at the split
     */
    @BigIntColumn_({nullable: false})
    stakerRewards!: bigint

    @BigIntColumn_({nullable: false})
    stakerHarvested!: bigint

    /**
     * CONTRIBUTOR_ESCROWED
     */
    @BigIntColumn_({nullable: false})
    escrowed!: bigint

    /**
     * CONTRIBUTOR_RELEASED
     */
    @BigIntColumn_({nullable: false})
    contributorRewards!: bigint

    @BigIntColumn_({nullable: false})
    escrowLeftover!: bigint

    @BigIntColumn_({nullable: false})
    escrowForfeited!: bigint

    @BigIntColumn_({nullable: false})
    bondsPosted!: bigint

    @BigIntColumn_({nullable: false})
    bondsRefunded!: bigint

    @BigIntColumn_({nullable: false})
    bondsForfeited!: bigint

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
