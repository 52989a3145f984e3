import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, BigIntColumn as BigIntColumn_, Index as Index_, ManyToOne as ManyToOne_, StringColumn as StringColumn_, IntColumn as IntColumn_, BooleanColumn as BooleanColumn_, DateTimeColumn as DateTimeColumn_, OneToMany as OneToMany_} from "@subsquid/typeorm-store"
import {Account} from "./account.model.js"
import {ModelKind} from "./_modelKind.js"
import {ModelTrainedOn} from "./modelTrainedOn.model.js"
import {Checkpoint} from "./checkpoint.model.js"
import {Inference} from "./inference.model.js"

@Entity_()
export class Model {
    constructor(props?: Partial<Model>) {
        Object.assign(this, props)
    }

    /**
     * model id, decimal
     */
    @PrimaryColumn_({type: 'varchar'})
    id!: string

    @Index_()
    @BigIntColumn_({nullable: false})
    index!: bigint

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    owner!: Account

    /**
     * chosen by any account: no btree index (a value over ~2.7 KB could not be indexed; docs/chain-strings.md)
     */
    @StringColumn_({nullable: false})
    name!: string

    @Index_()
    @Column_("varchar", {length: 8, nullable: false})
    kind!: ModelKind

    /**
     * the raw kind code from the chain (kind is UNKNOWN when the code is not one the protocol defines)
     */
    @IntColumn_({nullable: false})
    kindCode!: number

    @Index_()
    @ManyToOne_(() => Model, {nullable: true})
    baseModel!: Model | undefined | null

    @StringColumn_({nullable: false})
    artifactHash!: string

    @StringColumn_({nullable: false})
    artifactURI!: string

    @StringColumn_({nullable: false})
    trainingConfigHash!: string

    @Index_()
    @BooleanColumn_({nullable: false})
    published!: boolean

    @BigIntColumn_({nullable: false})
    feePerInference!: bigint

    @DateTimeColumn_({nullable: true})
    publishedAt!: Date | undefined | null

    @Index_()
    @IntColumn_({nullable: false})
    registeredBlock!: number

    @Index_()
    @DateTimeColumn_({nullable: false})
    registeredAt!: Date

    @StringColumn_({nullable: false})
    txHash!: string

    @IntColumn_({nullable: false})
    checkpointCount!: number

    @Index_()
    @IntColumn_({nullable: false})
    inferenceCount!: number

    @Index_()
    @BigIntColumn_({nullable: false})
    totalFees!: bigint

    @OneToMany_(() => Model, e => e.baseModel)
    derivedModels!: Model[]

    @OneToMany_(() => ModelTrainedOn, e => e.model)
    trainedOn!: ModelTrainedOn[]

    @OneToMany_(() => Checkpoint, e => e.model)
    checkpoints!: Checkpoint[]

    @OneToMany_(() => Inference, e => e.model)
    inferences!: Inference[]
}
