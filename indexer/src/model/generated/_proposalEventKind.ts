export enum ProposalEventKind {
    CREATED = "CREATED",
    QUEUED = "QUEUED",
    EXECUTED = "EXECUTED",
    CANCELED = "CANCELED",
}
