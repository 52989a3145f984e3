export enum StakeEventKind {
    STAKE = "STAKE",
    UNSTAKE_REQUEST = "UNSTAKE_REQUEST",
    UNSTAKE = "UNSTAKE",
    SLASH = "SLASH",
}
