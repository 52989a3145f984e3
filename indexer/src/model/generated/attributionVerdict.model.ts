import {PrimaryColumn as PrimaryColumn_} from "typeorm"
import {Entity as Entity_, Column as Column_, StringColumn as StringColumn_, Index as Index_, IntColumn as IntColumn_, JSONColumn as JSONColumn_, DateTimeColumn as DateTimeColumn_} from "@subsquid/typeorm-store"
import {VerdictStatus} from "./_verdictStatus.js"

/**
 * A replay verdict. Written ONLY by the replay worker (attribution-replay), never by the indexer, keyed by
 * (attributionId, method) as "<attributionId>:<method>" so that at-least-once jobs overwrite instead of append.
 * It refers to its attribution by id without a foreign key: a chain reorganisation that removes an
 * attribution leaves the verdict in place (the indexer never deletes or rolls back this table), and readers
 * join on attribution_id.
 */
@Entity_()
export class AttributionVerdict {
    constructor(props?: Partial<AttributionVerdict>) {
        Object.assign(this, props)
    }

    /**
     * <attributionId>:<method>
     */
    @PrimaryColumn_({type: 'varchar'})
    id!: string

    @Index_()
    @StringColumn_({nullable: false})
    attributionId!: string

    @StringColumn_({nullable: false})
    method!: string

    @Index_()
    @Column_("varchar", {length: 12, nullable: false})
    verdict!: VerdictStatus

    /**
     * largest weight deviation found, ppm (MISMATCH)
     */
    @IntColumn_({nullable: true})
    maxDeviationPpm!: number | undefined | null

    @StringColumn_({array: true, nullable: true})
    overCredited!: (string)[] | undefined | null

    @StringColumn_({array: true, nullable: true})
    underCredited!: (string)[] | undefined | null

    /**
     * recomputed top-K as JSON [{contributionId, weightPpm, score}]
     */
    @JSONColumn_({nullable: true})
    recomputed!: unknown | undefined | null

    /**
     * why it could not be verified (UNVERIFIABLE), or other notes
     */
    @StringColumn_({nullable: true})
    reason!: string | undefined | null

    /**
     * sha256 of the evidence JSON in the artifact store
     */
    @StringColumn_({nullable: true})
    evidenceHash!: string | undefined | null

    @StringColumn_({nullable: true})
    device!: string | undefined | null

    /**
     * on-chain dispute opened by the worker, if any
     */
    @StringColumn_({nullable: true})
    disputeTxHash!: string | undefined | null

    /**
     * wall-clock time of the replay (the worker's machine)
     */
    @Index_()
    @DateTimeColumn_({nullable: false})
    replayedAt!: Date

    /**
     * the chain's clock when the verdict was written: the indexed head's height and block timestamp (what pages show)
     */
    @IntColumn_({nullable: true})
    chainHeight!: number | undefined | null

    @Index_()
    @DateTimeColumn_({nullable: true})
    chainTime!: Date | undefined | null
}
