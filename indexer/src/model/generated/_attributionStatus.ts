export enum AttributionStatus {
    POSTED = "POSTED",
    DISPUTED = "DISPUTED",
    SETTLED = "SETTLED",
    UPHELD = "UPHELD",
}
