import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, ManyToOne as ManyToOne_, Index as Index_, StringColumn as StringColumn_, BooleanColumn as BooleanColumn_, BigIntColumn as BigIntColumn_, IntColumn as IntColumn_, DateTimeColumn as DateTimeColumn_, OneToMany as OneToMany_} from "@subsquid/typeorm-store"
import {Account} from "./account.model.js"
import {Contribution} from "./contribution.model.js"
import {DatanetVersion} from "./datanetVersion.model.js"
import {Curator} from "./curator.model.js"
import {ModelTrainedOn} from "./modelTrainedOn.model.js"

@Entity_()
export class Datanet {
    constructor(props?: Partial<Datanet>) {
        Object.assign(this, props)
    }

    /**
     * datanet id, decimal
     */
    @PrimaryColumn_({type: 'varchar'})
    id!: string

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    owner!: Account

    /**
     * chosen by any account: no btree index (a value over ~2.7 KB could not be indexed; docs/chain-strings.md)
     */
    @StringColumn_({nullable: false})
    name!: string

    @StringColumn_({nullable: false})
    metadataURI!: string

    @BooleanColumn_({nullable: false})
    curated!: boolean

    /**
     * a curated datanet governance approved (DatanetRegistry.setApproval, by a proposal)
     */
    @Index_()
    @BooleanColumn_({nullable: false})
    approved!: boolean

    @BigIntColumn_({nullable: false})
    minStake!: bigint

    @Index_()
    @IntColumn_({nullable: false})
    createdBlock!: number

    @Index_()
    @DateTimeColumn_({nullable: false})
    createdAt!: Date

    @StringColumn_({nullable: false})
    txHash!: string

    @IntColumn_({nullable: false})
    contributionCount!: number

    @IntColumn_({nullable: false})
    acceptedCount!: number

    @IntColumn_({nullable: false})
    rejectedCount!: number

    @IntColumn_({nullable: false})
    versionCount!: number

    @IntColumn_({nullable: false})
    curatorCount!: number

    /**
     * ModelTrainedOn events that name this datanet
     */
    @IntColumn_({nullable: false})
    trainedModelCount!: number

    /**
     * attribution shares of its contributions, their summed weight (influence) and the rewards they were paid
     */
    @IntColumn_({nullable: false})
    attributionShareCount!: number

    @Index_()
    @BigIntColumn_({nullable: false})
    influencePpm!: bigint

    @Index_()
    @BigIntColumn_({nullable: false})
    totalRewards!: bigint

    @OneToMany_(() => Contribution, e => e.datanet)
    contributions!: Contribution[]

    @OneToMany_(() => DatanetVersion, e => e.datanet)
    versions!: DatanetVersion[]

    @OneToMany_(() => Curator, e => e.datanet)
    curators!: Curator[]

    @OneToMany_(() => ModelTrainedOn, e => e.datanet)
    trainedModels!: ModelTrainedOn[]
}
