import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, ManyToOne as ManyToOne_, Index as Index_, BigIntColumn as BigIntColumn_, IntColumn as IntColumn_, DateTimeColumn as DateTimeColumn_, StringColumn as StringColumn_} from "@subsquid/typeorm-store"
import {Inference} from "./inference.model.js"

/**
 * How RewardDistributor split one inference's fee (FeeSplit).
 */
@Entity_()
export class FeeSplit {
    constructor(props?: Partial<FeeSplit>) {
        Object.assign(this, props)
    }

    /**
     * event id
     */
    @PrimaryColumn_({type: 'varchar'})
    id!: string

    @Index_()
    @ManyToOne_(() => Inference, {nullable: true})
    inference!: Inference

    @BigIntColumn_({nullable: false})
    protocol!: bigint

    @BigIntColumn_({nullable: false})
    modelOwner!: bigint

    @BigIntColumn_({nullable: false})
    provider!: bigint

    @BigIntColumn_({nullable: false})
    stakers!: bigint

    /**
     * escrowed until the attribution settles
     */
    @BigIntColumn_({nullable: false})
    contributors!: bigint

    @Index_()
    @IntColumn_({nullable: false})
    blockNumber!: number

    @Index_()
    @DateTimeColumn_({nullable: false})
    timestamp!: Date

    @StringColumn_({nullable: false})
    txHash!: string

    @IntColumn_({nullable: false})
    logIndex!: number
}
