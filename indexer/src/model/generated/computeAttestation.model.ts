import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, ManyToOne as ManyToOne_, Index as Index_, BigIntColumn as BigIntColumn_, IntColumn as IntColumn_, StringColumn as StringColumn_, DateTimeColumn as DateTimeColumn_} from "@subsquid/typeorm-store"
import {ComputeProvider} from "./computeProvider.model.js"
import {ComputeKind} from "./_computeKind.js"

@Entity_()
export class ComputeAttestation {
    constructor(props?: Partial<ComputeAttestation>) {
        Object.assign(this, props)
    }

    /**
     * event id
     */
    @PrimaryColumn_({type: 'varchar'})
    id!: string

    @Index_()
    @ManyToOne_(() => ComputeProvider, {nullable: true})
    provider!: ComputeProvider

    @Index_()
    @BigIntColumn_({nullable: false})
    taskId!: bigint

    @Column_("varchar", {length: 8, nullable: false})
    kind!: ComputeKind

    @IntColumn_({nullable: false})
    kindCode!: number

    @StringColumn_({nullable: false})
    taskHash!: string

    @StringColumn_({nullable: false})
    resultHash!: string

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
