import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, ManyToOne as ManyToOne_, Index as Index_, BigIntColumn as BigIntColumn_, DateTimeColumn as DateTimeColumn_, StringColumn as StringColumn_, IntColumn as IntColumn_} from "@subsquid/typeorm-store"
import {Account} from "./account.model.js"
import {StakeEventKind} from "./_stakeEventKind.js"

/**
 * Staked, UnstakeRequested, Unstaked and Slashed events.
 */
@Entity_()
export class StakeEvent {
    constructor(props?: Partial<StakeEvent>) {
        Object.assign(this, props)
    }

    /**
     * event id
     */
    @PrimaryColumn_({type: 'varchar'})
    id!: string

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    account!: Account

    @Index_()
    @Column_("varchar", {length: 15, nullable: false})
    kind!: StakeEventKind

    @BigIntColumn_({nullable: false})
    amount!: bigint

    /**
     * active stake after the event
     */
    @BigIntColumn_({nullable: false})
    stakeAfter!: bigint

    /**
     * UNSTAKE_REQUEST: when it can be withdrawn
     */
    @DateTimeColumn_({nullable: true})
    availableAt!: Date | undefined | null

    /**
     * SLASH: reason and slasher contract
     */
    @StringColumn_({nullable: true})
    reason!: string | undefined | null

    @StringColumn_({nullable: true})
    slashedBy!: string | undefined | null

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
