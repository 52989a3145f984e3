import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, IntColumn as IntColumn_, BigIntColumn as BigIntColumn_} from "@subsquid/typeorm-store"

/**
 * Whole-protocol totals (a single row, id "global").
 */
@Entity_()
export class GlobalStat {
    constructor(props?: Partial<GlobalStat>) {
        Object.assign(this, props)
    }

    @PrimaryColumn_({type: 'varchar'})
    id!: string

    @IntColumn_({nullable: false})
    accounts!: number

    @IntColumn_({nullable: false})
    datanets!: number

    @IntColumn_({nullable: false})
    contributions!: number

    @IntColumn_({nullable: false})
    models!: number

    @IntColumn_({nullable: false})
    inferences!: number

    @IntColumn_({nullable: false})
    attributions!: number

    @IntColumn_({nullable: false})
    disputes!: number

    /**
     * wei, one MoneyCategory each (see DailyStat); totalRewardsAccrued never includes slashes or bonds
     */
    @BigIntColumn_({nullable: false})
    totalFees!: bigint

    @BigIntColumn_({nullable: false})
    totalRewardsAccrued!: bigint

    @BigIntColumn_({nullable: false})
    totalFeeProtocol!: bigint

    @BigIntColumn_({nullable: false})
    totalFeeModelOwner!: bigint

    @BigIntColumn_({nullable: false})
    totalFeeProvider!: bigint

    @BigIntColumn_({nullable: false})
    totalStakerRewards!: bigint

    @BigIntColumn_({nullable: false})
    totalStakerHarvested!: bigint

    @BigIntColumn_({nullable: false})
    totalEscrowed!: bigint

    @BigIntColumn_({nullable: false})
    totalEscrowReleased!: bigint

    @BigIntColumn_({nullable: false})
    totalEscrowLeftover!: bigint

    @BigIntColumn_({nullable: false})
    totalEscrowForfeited!: bigint

    @BigIntColumn_({nullable: false})
    totalBondsPosted!: bigint

    @BigIntColumn_({nullable: false})
    totalBondsRefunded!: bigint

    @BigIntColumn_({nullable: false})
    totalBondsForfeited!: bigint

    @BigIntColumn_({nullable: false})
    totalRewardsClaimed!: bigint

    /**
     * active stake (Staking.totalStaked)
     */
    @BigIntColumn_({nullable: false})
    totalStaked!: bigint

    /**
     * stake waiting for its cooldown (sum of Staking.pendingUnstake)
     */
    @BigIntColumn_({nullable: false})
    totalPendingUnstake!: bigint

    @BigIntColumn_({nullable: false})
    totalUnstaked!: bigint

    @BigIntColumn_({nullable: false})
    totalSlashed!: bigint

    /**
     * mirror of Staking.accRewardPerShare (1e18 fixed point)
     */
    @BigIntColumn_({nullable: false})
    accRewardPerShare!: bigint

    @IntColumn_({nullable: false})
    events!: number

    @IntColumn_({nullable: false})
    malformedEvents!: number
}
