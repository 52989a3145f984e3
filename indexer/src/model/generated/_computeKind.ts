export enum ComputeKind {
    TRAIN = "TRAIN",
    FINETUNE = "FINETUNE",
    INFER = "INFER",
    REPLAY = "REPLAY",
    UNKNOWN = "UNKNOWN",
}
