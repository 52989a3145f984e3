export enum VerdictStatus {
    VERIFIED = "VERIFIED",
    MISMATCH = "MISMATCH",
    UNVERIFIABLE = "UNVERIFIABLE",
}
