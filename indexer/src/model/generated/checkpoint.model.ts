import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, ManyToOne as ManyToOne_, Index as Index_, IntColumn as IntColumn_, StringColumn as StringColumn_, BigIntColumn as BigIntColumn_, DateTimeColumn as DateTimeColumn_} from "@subsquid/typeorm-store"
import {Model} from "./model.model.js"

@Entity_()
export class Checkpoint {
    constructor(props?: Partial<Checkpoint>) {
        Object.assign(this, props)
    }

    /**
     * <modelId>-<step>
     */
    @PrimaryColumn_({type: 'varchar'})
    id!: string

    @Index_()
    @ManyToOne_(() => Model, {nullable: true})
    model!: Model

    @IntColumn_({nullable: false})
    step!: number

    @Index_()
    @StringColumn_({nullable: false})
    checkpointHash!: string

    /**
     * 1e18 fixed point
     */
    @BigIntColumn_({nullable: false})
    learningRate!: bigint

    @Index_()
    @IntColumn_({nullable: false})
    blockNumber!: number

    @DateTimeColumn_({nullable: false})
    timestamp!: Date

    @StringColumn_({nullable: false})
    txHash!: string

    @IntColumn_({nullable: false})
    logIndex!: number
}
