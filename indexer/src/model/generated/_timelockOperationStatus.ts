export enum TimelockOperationStatus {
    SCHEDULED = "SCHEDULED",
    EXECUTED = "EXECUTED",
    CANCELED = "CANCELED",
}
