import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, ManyToOne as ManyToOne_, Index as Index_, IntColumn as IntColumn_, DateTimeColumn as DateTimeColumn_, StringColumn as StringColumn_} from "@subsquid/typeorm-store"
import {Datanet} from "./datanet.model.js"
import {Account} from "./account.model.js"

@Entity_()
export class Curator {
    constructor(props?: Partial<Curator>) {
        Object.assign(this, props)
    }

    /**
     * <datanetId>-<address>
     */
    @PrimaryColumn_({type: 'varchar'})
    id!: string

    @Index_()
    @ManyToOne_(() => Datanet, {nullable: true})
    datanet!: Datanet

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    account!: Account

    @IntColumn_({nullable: false})
    reviewCount!: number

    @IntColumn_({nullable: false})
    blockNumber!: number

    @DateTimeColumn_({nullable: false})
    timestamp!: Date

    @StringColumn_({nullable: false})
    txHash!: string
}
