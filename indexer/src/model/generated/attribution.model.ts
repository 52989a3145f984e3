import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, BigIntColumn as BigIntColumn_, Index as Index_, ManyToOne as ManyToOne_, StringColumn as StringColumn_, IntColumn as IntColumn_, BooleanColumn as BooleanColumn_, DateTimeColumn as DateTimeColumn_, OneToMany as OneToMany_} from "@subsquid/typeorm-store"
import {Inference} from "./inference.model.js"
import {Model} from "./model.model.js"
import {Account} from "./account.model.js"
import {AttributionStatus} from "./_attributionStatus.js"
import {AttributionShare} from "./attributionShare.model.js"
import {Dispute} from "./dispute.model.js"

@Entity_()
export class Attribution {
    constructor(props?: Partial<Attribution>) {
        Object.assign(this, props)
    }

    /**
     * attribution id, decimal
     */
    @PrimaryColumn_({type: 'varchar'})
    id!: string

    @Index_()
    @BigIntColumn_({nullable: false})
    index!: bigint

    @Index_()
    @ManyToOne_(() => Inference, {nullable: true})
    inference!: Inference

    /**
     * the inference's model, copied for filtering
     */
    @Index_()
    @ManyToOne_(() => Model, {nullable: true})
    model!: Model

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    poster!: Account

    /**
     * versioned method id, e.g. knn-shapley@1
     */
    @Index_()
    @StringColumn_({nullable: false})
    method!: string

    @StringColumn_({nullable: false})
    paramsHash!: string

    @StringColumn_({nullable: false})
    resultHash!: string

    @StringColumn_({nullable: false})
    resultURI!: string

    @Index_()
    @Column_("varchar", {length: 8, nullable: false})
    status!: AttributionStatus

    @IntColumn_({nullable: false})
    shareCount!: number

    @IntColumn_({nullable: false})
    totalWeightPpm!: number

    /**
     * contributors' escrow released (paid) or forfeited at settlement
     */
    @BooleanColumn_({nullable: false})
    settled!: boolean

    @BooleanColumn_({nullable: true})
    settledPaid!: boolean | undefined | null

    @BigIntColumn_({nullable: true})
    settledAmount!: bigint | undefined | null

    @DateTimeColumn_({nullable: true})
    settledAt!: Date | undefined | null

    @IntColumn_({nullable: false})
    disputeCount!: number

    @Index_()
    @IntColumn_({nullable: false})
    blockNumber!: number

    @Index_()
    @DateTimeColumn_({nullable: false})
    timestamp!: Date

    @Index_()
    @StringColumn_({nullable: false})
    txHash!: string

    @IntColumn_({nullable: false})
    logIndex!: number

    @OneToMany_(() => AttributionShare, e => e.attribution)
    shares!: AttributionShare[]

    @OneToMany_(() => Dispute, e => e.attribution)
    disputes!: Dispute[]
}
