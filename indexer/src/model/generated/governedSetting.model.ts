import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, StringColumn as StringColumn_, Index as Index_, BooleanColumn as BooleanColumn_, IntColumn as IntColumn_, DateTimeColumn as DateTimeColumn_} from "@subsquid/typeorm-store"

/**
 * The current value of a governed approval (MethodRuleSet, DatanetApprovalSet, ProviderApprovalSet); its history is in ParameterChange.
 */
@Entity_()
export class GovernedSetting {
    constructor(props?: Partial<GovernedSetting>) {
        Object.assign(this, props)
    }

    /**
     * kind:subject, e.g. poaMethod:tracin-cp@1, curatedDatanet:3, computeProvider:0x…
     */
    @PrimaryColumn_({type: 'varchar'})
    id!: string

    /**
     * poaMethod, curatedDatanet or computeProvider
     */
    @Index_()
    @StringColumn_({nullable: false})
    kind!: string

    /**
     * the method id, datanet id (decimal) or provider address (lowercase)
     */
    @StringColumn_({nullable: false})
    subject!: string

    /**
     * allowed (a method) or approved (a datanet, a provider)
     */
    @Index_()
    @BooleanColumn_({nullable: false})
    enabled!: boolean

    /**
     * poaMethod only: the pinned canonical parameters' hash (null: any parameters)
     */
    @StringColumn_({nullable: true})
    paramsHash!: string | undefined | null

    /**
     * the ParameterChange id of the latest change
     */
    @StringColumn_({nullable: false})
    lastChange!: string

    @IntColumn_({nullable: false})
    updatedBlock!: number

    @DateTimeColumn_({nullable: false})
    updatedAt!: Date
}
