import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, BigIntColumn as BigIntColumn_, Index as Index_, ManyToOne as ManyToOne_, StringColumn as StringColumn_, IntColumn as IntColumn_, DateTimeColumn as DateTimeColumn_, OneToMany as OneToMany_} from "@subsquid/typeorm-store"
import {Datanet} from "./datanet.model.js"
import {Account} from "./account.model.js"
import {ContributionStatus} from "./_contributionStatus.js"
import {ContributionReview} from "./contributionReview.model.js"
import {AttributionShare} from "./attributionShare.model.js"

@Entity_()
export class Contribution {
    constructor(props?: Partial<Contribution>) {
        Object.assign(this, props)
    }

    /**
     * contribution id, decimal
     */
    @PrimaryColumn_({type: 'varchar'})
    id!: string

    /**
     * the numeric id, for ordering (ids are strings)
     */
    @Index_()
    @BigIntColumn_({nullable: false})
    index!: bigint

    @Index_()
    @ManyToOne_(() => Datanet, {nullable: true})
    datanet!: Datanet

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    contributor!: Account

    @Index_()
    @StringColumn_({nullable: false})
    contentHash!: string

    @BigIntColumn_({nullable: false})
    size!: bigint

    @StringColumn_({nullable: false})
    license!: string

    @Index_()
    @Column_("varchar", {length: 8, nullable: false})
    status!: ContributionStatus

    @Index_()
    @IntColumn_({nullable: false})
    submittedBlock!: number

    @Index_()
    @DateTimeColumn_({nullable: false})
    submittedAt!: Date

    @Index_()
    @StringColumn_({nullable: false})
    txHash!: string

    @DateTimeColumn_({nullable: true})
    reviewedAt!: Date | undefined | null

    /**
     * attribution shares naming this contribution, their summed weight and the rewards they were paid
     */
    @IntColumn_({nullable: false})
    attributionShareCount!: number

    @Index_()
    @BigIntColumn_({nullable: false})
    totalWeightPpm!: bigint

    @Index_()
    @BigIntColumn_({nullable: false})
    totalRewards!: bigint

    @OneToMany_(() => ContributionReview, e => e.contribution)
    reviews!: ContributionReview[]

    @OneToMany_(() => AttributionShare, e => e.contribution)
    attributionShares!: AttributionShare[]
}
