import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, ManyToOne as ManyToOne_, Index as Index_, IntColumn as IntColumn_, BigIntColumn as BigIntColumn_, DateTimeColumn as DateTimeColumn_} from "@subsquid/typeorm-store"
import {Attribution} from "./attribution.model.js"
import {Contribution} from "./contribution.model.js"
import {Datanet} from "./datanet.model.js"
import {Account} from "./account.model.js"

/**
 * One contribution's share in an attribution (AttributionShare).
 */
@Entity_()
export class AttributionShare {
    constructor(props?: Partial<AttributionShare>) {
        Object.assign(this, props)
    }

    /**
     * <attributionId>-<contributionId>
     */
    @PrimaryColumn_({type: 'varchar'})
    id!: string

    @Index_()
    @ManyToOne_(() => Attribution, {nullable: true})
    attribution!: Attribution

    @Index_()
    @ManyToOne_(() => Contribution, {nullable: true})
    contribution!: Contribution

    /**
     * the contribution's datanet and contributor, copied for filtering and aggregation
     */
    @Index_()
    @ManyToOne_(() => Datanet, {nullable: true})
    datanet!: Datanet

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    contributor!: Account

    /**
     * rank within the posting (0 = first listed)
     */
    @IntColumn_({nullable: false})
    rank!: number

    @IntColumn_({nullable: false})
    weightPpm!: number

    /**
     * raw score, 1e18 fixed point (signed)
     */
    @BigIntColumn_({nullable: false})
    score!: bigint

    /**
     * OPEN paid to the contributor when the attribution settled (amount x weightPpm / 1e6)
     */
    @BigIntColumn_({nullable: true})
    reward!: bigint | undefined | null

    @Index_()
    @IntColumn_({nullable: false})
    blockNumber!: number

    @DateTimeColumn_({nullable: false})
    timestamp!: Date

    @IntColumn_({nullable: false})
    logIndex!: number
}
