import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, ManyToOne as ManyToOne_, Index as Index_, IntColumn as IntColumn_, StringColumn as StringColumn_, DateTimeColumn as DateTimeColumn_, OneToMany as OneToMany_} from "@subsquid/typeorm-store"
import {Datanet} from "./datanet.model.js"
import {ModelTrainedOn} from "./modelTrainedOn.model.js"

@Entity_()
export class DatanetVersion {
    constructor(props?: Partial<DatanetVersion>) {
        Object.assign(this, props)
    }

    /**
     * <datanetId>-<version>
     */
    @PrimaryColumn_({type: 'varchar'})
    id!: string

    @Index_()
    @ManyToOne_(() => Datanet, {nullable: true})
    datanet!: Datanet

    @IntColumn_({nullable: false})
    version!: number

    @StringColumn_({nullable: false})
    merkleRoot!: string

    /**
     * the version is the Merkle root over the datanet's first contributionCount contributions
     */
    @IntColumn_({nullable: false})
    contributionCount!: number

    @Index_()
    @IntColumn_({nullable: false})
    blockNumber!: number

    @DateTimeColumn_({nullable: false})
    timestamp!: Date

    @StringColumn_({nullable: false})
    txHash!: string

    @OneToMany_(() => ModelTrainedOn, e => e.datanetVersion)
    trainedModels!: ModelTrainedOn[]
}
