import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, ManyToOne as ManyToOne_, Index as Index_, StringColumn as StringColumn_, BigIntColumn as BigIntColumn_, IntColumn as IntColumn_, DateTimeColumn as DateTimeColumn_, BooleanColumn as BooleanColumn_, OneToMany as OneToMany_} from "@subsquid/typeorm-store"
import {Account} from "./account.model.js"
import {Inference} from "./inference.model.js"
import {ComputeAttestation} from "./computeAttestation.model.js"

@Entity_()
export class ComputeProvider {
    constructor(props?: Partial<ComputeProvider>) {
        Object.assign(this, props)
    }

    /**
     * lowercase 0x address (same as its Account id)
     */
    @PrimaryColumn_({type: 'varchar'})
    id!: string

    @Index_()
    @ManyToOne_(() => Account, {nullable: true})
    account!: Account

    @StringColumn_({nullable: false})
    endpointURI!: string

    /**
     * total stake reported at the latest registration
     */
    @BigIntColumn_({nullable: false})
    registeredStake!: bigint

    @IntColumn_({nullable: false})
    registeredBlock!: number

    @DateTimeColumn_({nullable: false})
    registeredAt!: Date

    @DateTimeColumn_({nullable: false})
    updatedAt!: Date

    /**
     * governance approved it to serve paid inferences (ComputeRegistry.setProviderApproval, by a proposal)
     */
    @Index_()
    @BooleanColumn_({nullable: false})
    approved!: boolean

    @IntColumn_({nullable: false})
    inferenceCount!: number

    @IntColumn_({nullable: false})
    attestationCount!: number

    @OneToMany_(() => Inference, e => e.provider)
    inferences!: Inference[]

    @OneToMany_(() => ComputeAttestation, e => e.provider)
    attestations!: ComputeAttestation[]
}
