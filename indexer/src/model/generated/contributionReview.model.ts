import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, ManyToOne as ManyToOne_, Index as Index_, BooleanColumn as BooleanColumn_, IntColumn as IntColumn_, DateTimeColumn as DateTimeColumn_, StringColumn as StringColumn_} from "@subsquid/typeorm-store"
import {Contribution} from "./contribution.model.js"
import {Account} from "./account.model.js"

@Entity_()
export class ContributionReview {
    constructor(props?: Partial<ContributionReview>) {
        Object.assign(this, props)
    }

    /**
     * event id
     */
    @PrimaryColumn_({type: 'varchar'})
    id!: string

    @Index_()
    @ManyToOne_(() => Contribution, {nullable: true})
    contribution!: Contribution

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    curator!: Account

    @BooleanColumn_({nullable: false})
    accepted!: boolean

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
