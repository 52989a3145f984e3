import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, BigIntColumn as BigIntColumn_, Index as Index_, ManyToOne as ManyToOne_, StringColumn as StringColumn_, IntColumn as IntColumn_, DateTimeColumn as DateTimeColumn_, OneToMany as OneToMany_} from "@subsquid/typeorm-store"
import {Model} from "./model.model.js"
import {Account} from "./account.model.js"
import {ComputeProvider} from "./computeProvider.model.js"
import {Attribution} from "./attribution.model.js"
import {FeeSplit} from "./feeSplit.model.js"
import {RewardAccrual} from "./rewardAccrual.model.js"

@Entity_()
export class Inference {
    constructor(props?: Partial<Inference>) {
        Object.assign(this, props)
    }

    /**
     * inference id, decimal
     */
    @PrimaryColumn_({type: 'varchar'})
    id!: string

    @Index_()
    @BigIntColumn_({nullable: false})
    index!: bigint

    @Index_()
    @ManyToOne_(() => Model, {nullable: true})
    model!: Model

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    user!: Account

    @Index_()
    @ManyToOne_(() => ComputeProvider, {nullable: true})
    provider!: ComputeProvider

    @StringColumn_({nullable: false})
    inputHash!: string

    @StringColumn_({nullable: false})
    outputHash!: string

    @BigIntColumn_({nullable: false})
    fee!: bigint

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

    /**
     * the attribution posted for it (the chain allows at most one per inference)
     */
    @OneToMany_(() => Attribution, e => e.inference)
    attributions!: Attribution[]

    @OneToMany_(() => FeeSplit, e => e.inference)
    feeSplits!: FeeSplit[]

    @OneToMany_(() => RewardAccrual, e => e.inference)
    rewardAccruals!: RewardAccrual[]
}
