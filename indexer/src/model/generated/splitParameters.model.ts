import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, IntColumn as IntColumn_, Index as Index_, DateTimeColumn as DateTimeColumn_, StringColumn as StringColumn_} from "@subsquid/typeorm-store"

@Entity_()
export class SplitParameters {
    constructor(props?: Partial<SplitParameters>) {
        Object.assign(this, props)
    }

    /**
     * event id
     */
    @PrimaryColumn_({type: 'varchar'})
    id!: string

    @IntColumn_({nullable: false})
    protocolBps!: number

    @IntColumn_({nullable: false})
    modelOwnerBps!: number

    @IntColumn_({nullable: false})
    providerBps!: number

    @IntColumn_({nullable: false})
    stakersBps!: number

    @IntColumn_({nullable: false})
    contributorsBps!: number

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
