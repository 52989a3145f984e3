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

    @BigIntColumn_({nullable: false})
    totalFees!: bigint

    @BigIntColumn_({nullable: false})
    totalRewardsAccrued!: bigint

    @BigIntColumn_({nullable: false})
    totalRewardsClaimed!: bigint

    @BigIntColumn_({nullable: false})
    totalStaked!: bigint

    @BigIntColumn_({nullable: false})
    totalSlashed!: bigint

    @IntColumn_({nullable: false})
    events!: number

    @IntColumn_({nullable: false})
    malformedEvents!: number
}
