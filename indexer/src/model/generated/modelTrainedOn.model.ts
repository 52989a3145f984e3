import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, ManyToOne as ManyToOne_, Index as Index_, IntColumn as IntColumn_, DateTimeColumn as DateTimeColumn_, StringColumn as StringColumn_} from "@subsquid/typeorm-store"
import {Model} from "./model.model.js"
import {Datanet} from "./datanet.model.js"
import {DatanetVersion} from "./datanetVersion.model.js"

/**
 * A model trained on a datanet version (ModelTrainedOn).
 */
@Entity_()
export class ModelTrainedOn {
    constructor(props?: Partial<ModelTrainedOn>) {
        Object.assign(this, props)
    }

    /**
     * <modelId>-<datanetId>-<version>
     */
    @PrimaryColumn_({type: 'varchar'})
    id!: string

    @Index_()
    @ManyToOne_(() => Model, {nullable: true})
    model!: Model

    @Index_()
    @ManyToOne_(() => Datanet, {nullable: true})
    datanet!: Datanet

    @Index_()
    @ManyToOne_(() => DatanetVersion, {nullable: true})
    datanetVersion!: DatanetVersion

    @IntColumn_({nullable: false})
    version!: number

    @Index_()
    @IntColumn_({nullable: false})
    blockNumber!: number

    @DateTimeColumn_({nullable: false})
    timestamp!: Date

    @StringColumn_({nullable: false})
    txHash!: string
}
