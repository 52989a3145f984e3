import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, IntColumn as IntColumn_, Index as Index_, DateTimeColumn as DateTimeColumn_, BooleanColumn as BooleanColumn_, BigIntColumn as BigIntColumn_, OneToMany as OneToMany_} from "@subsquid/typeorm-store"
import {Datanet} from "./datanet.model.js"
import {Contribution} from "./contribution.model.js"
import {Model} from "./model.model.js"
import {Inference} from "./inference.model.js"
import {RewardAccrual} from "./rewardAccrual.model.js"
import {RewardClaim} from "./rewardClaim.model.js"
import {StakeEvent} from "./stakeEvent.model.js"

/**
 * An address seen in any event, with its roles and running OPEN balances (all derived from events).
 */
@Entity_()
export class Account {
    constructor(props?: Partial<Account>) {
        Object.assign(this, props)
    }

    /**
     * lowercase 0x address
     */
    @PrimaryColumn_({type: 'varchar'})
    id!: string

    @Index_()
    @IntColumn_({nullable: false})
    firstSeenBlock!: number

    @DateTimeColumn_({nullable: false})
    firstSeenAt!: Date

    @BooleanColumn_({nullable: false})
    isContributor!: boolean

    @BooleanColumn_({nullable: false})
    isCurator!: boolean

    @BooleanColumn_({nullable: false})
    isModelOwner!: boolean

    @BooleanColumn_({nullable: false})
    isProvider!: boolean

    @BooleanColumn_({nullable: false})
    isPoster!: boolean

    @BooleanColumn_({nullable: false})
    isStaker!: boolean

    @BooleanColumn_({nullable: false})
    isInferenceUser!: boolean

    /**
     * rewards credited in RewardDistributor, wei, in total and by role: fee parts, released escrow, escrow
     * leftovers and forfeited escrow (the treasury), harvested staker rewards. Never slashed stake or bonds.
     */
    @Index_()
    @BigIntColumn_({nullable: false})
    totalEarned!: bigint

    @Index_()
    @BigIntColumn_({nullable: false})
    earnedAsContributor!: bigint

    @BigIntColumn_({nullable: false})
    earnedAsModelOwner!: bigint

    @BigIntColumn_({nullable: false})
    earnedAsProvider!: bigint

    @BigIntColumn_({nullable: false})
    earnedAsStaker!: bigint

    @BigIntColumn_({nullable: false})
    earnedAsProtocol!: bigint

    /**
     * credits that are not rewards (the treasury's income), wei: slashed stake and forfeited dispute bonds
     */
    @BigIntColumn_({nullable: false})
    receivedSlashedStake!: bigint

    @BigIntColumn_({nullable: false})
    receivedForfeitedBonds!: bigint

    /**
     * every credit in RewardDistributor, wei = totalEarned + receivedSlashedStake + receivedForfeitedBonds = totalClaimed + pendingRewards
     */
    @BigIntColumn_({nullable: false})
    totalCredited!: bigint

    /**
     * RewardClaimed total, wei; pendingRewards = totalCredited - totalClaimed (what RewardDistributor.accrued holds)
     */
    @BigIntColumn_({nullable: false})
    totalClaimed!: bigint

    @BigIntColumn_({nullable: false})
    pendingRewards!: bigint

    /**
     * mirror of Staking's rewardDebt (wei x 1e0): unharvested staker rewards = stake x accRewardPerShare / 1e18 - stakerRewardDebt
     */
    @BigIntColumn_({nullable: false})
    stakerRewardDebt!: bigint

    /**
     * active stake (Staking.stakeOf), stake waiting for its cooldown, slashed in total
     */
    @Index_()
    @BigIntColumn_({nullable: false})
    stake!: bigint

    @BigIntColumn_({nullable: false})
    pendingUnstake!: bigint

    @BigIntColumn_({nullable: false})
    totalSlashed!: bigint

    /**
     * fees paid for inferences
     */
    @BigIntColumn_({nullable: false})
    feesPaid!: bigint

    @IntColumn_({nullable: false})
    inferenceCount!: number

    @IntColumn_({nullable: false})
    datanetCount!: number

    @IntColumn_({nullable: false})
    contributionCount!: number

    @IntColumn_({nullable: false})
    acceptedContributionCount!: number

    @IntColumn_({nullable: false})
    rejectedContributionCount!: number

    @IntColumn_({nullable: false})
    modelCount!: number

    /**
     * attribution shares that credit this account's contributions, and the sum of their weights
     */
    @IntColumn_({nullable: false})
    attributionShareCount!: number

    @BigIntColumn_({nullable: false})
    attributionWeightPpm!: bigint

    @IntColumn_({nullable: false})
    attributionsPosted!: number

    @IntColumn_({nullable: false})
    disputesOpened!: number

    @IntColumn_({nullable: false})
    disputesWon!: number

    @IntColumn_({nullable: false})
    disputesLost!: number

    /**
     * upheld disputes against attributions this account posted
     */
    @IntColumn_({nullable: false})
    postingsUpheldAgainst!: number

    /**
     * Reputation from attribution history: acceptedContributions + attributionShares + postings that settled
     * - rejectedContributions - 10 x postings upheld against + 5 x disputes won - 5 x disputes lost.
     */
    @Index_()
    @IntColumn_({nullable: false})
    reputation!: number

    @IntColumn_({nullable: false})
    lastActiveBlock!: number

    @Index_()
    @DateTimeColumn_({nullable: false})
    lastActiveAt!: Date

    @OneToMany_(() => Datanet, e => e.owner)
    datanets!: Datanet[]

    @OneToMany_(() => Contribution, e => e.contributor)
    contributions!: Contribution[]

    @OneToMany_(() => Model, e => e.owner)
    models!: Model[]

    @OneToMany_(() => Inference, e => e.user)
    inferences!: Inference[]

    @OneToMany_(() => RewardAccrual, e => e.account)
    rewardAccruals!: RewardAccrual[]

    @OneToMany_(() => RewardClaim, e => e.account)
    rewardClaims!: RewardClaim[]

    @OneToMany_(() => StakeEvent, e => e.account)
    stakeEvents!: StakeEvent[]
}
