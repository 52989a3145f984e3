export enum ModelKind {
    BASE = "BASE",
    FINETUNE = "FINETUNE",
    ADAPTER = "ADAPTER",
    UNKNOWN = "UNKNOWN",
}
