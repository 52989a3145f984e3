import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, ManyToOne as ManyToOne_, Index as Index_, StringColumn as StringColumn_, BigIntColumn as BigIntColumn_, BooleanColumn as BooleanColumn_, IntColumn as IntColumn_, DateTimeColumn as DateTimeColumn_} from "@subsquid/typeorm-store"
import {Attribution} from "./attribution.model.js"
import {Account} from "./account.model.js"
import {DisputeStatus} from "./_disputeStatus.js"

@Entity_()
export class Dispute {
    constructor(props?: Partial<Dispute>) {
        Object.assign(this, props)
    }

    /**
     * dispute id, decimal
     */
    @PrimaryColumn_({type: 'varchar'})
    id!: string

    @Index_()
    @ManyToOne_(() => Attribution, {nullable: true})
    attribution!: Attribution

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    challenger!: Account

    @StringColumn_({nullable: false})
    evidenceHash!: string

    @BigIntColumn_({nullable: false})
    bond!: bigint

    @Index_()
    @Column_("varchar", {length: 8, nullable: false})
    status!: DisputeStatus

    @BooleanColumn_({nullable: true})
    upheld!: boolean | undefined | null

    @BigIntColumn_({nullable: true})
    slashed!: bigint | undefined | null

    @Index_()
    @IntColumn_({nullable: false})
    openedBlock!: number

    @Index_()
    @DateTimeColumn_({nullable: false})
    openedAt!: Date

    @StringColumn_({nullable: false})
    txHash!: string

    @DateTimeColumn_({nullable: true})
    resolvedAt!: Date | undefined | null

    @StringColumn_({nullable: true})
    resolvedTxHash!: string | undefined | null
}
