import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, ManyToOne as ManyToOne_, Index as Index_, IntColumn as IntColumn_, BigIntColumn as BigIntColumn_, DateTimeColumn as DateTimeColumn_, StringColumn as StringColumn_} from "@subsquid/typeorm-store"
import {GovernanceProposal} from "./governanceProposal.model.js"
import {TimelockOperationStatus} from "./_timelockOperationStatus.js"

/**
 * A Timelock operation (CallScheduled ... CallExecuted / Cancelled).
 */
@Entity_()
export class TimelockOperation {
    constructor(props?: Partial<TimelockOperation>) {
        Object.assign(this, props)
    }

    /**
     * operation id (bytes32 hex)
     */
    @PrimaryColumn_({type: 'varchar'})
    id!: string

    @Index_()
    @ManyToOne_(() => GovernanceProposal, {nullable: true})
    proposal!: GovernanceProposal | undefined | null

    @Index_()
    @Column_("varchar", {length: 9, nullable: false})
    status!: TimelockOperationStatus

    @IntColumn_({nullable: false})
    calls!: number

    @BigIntColumn_({nullable: false})
    delay!: bigint

    @DateTimeColumn_({nullable: false})
    scheduledAt!: Date

    @DateTimeColumn_({nullable: true})
    executedAt!: Date | undefined | null

    @StringColumn_({nullable: false})
    txHash!: string
}
