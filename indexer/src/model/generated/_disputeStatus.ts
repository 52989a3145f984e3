export enum DisputeStatus {
    OPEN = "OPEN",
    UPHELD = "UPHELD",
    REJECTED = "REJECTED",
}
