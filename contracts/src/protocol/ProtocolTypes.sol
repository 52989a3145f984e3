// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// Numeric codes shared with the TypeScript side (contracts/src/enums.ts mirrors them).
library ProtocolTypes {
    uint8 internal constant MODEL_BASE = 0;
    uint8 internal constant MODEL_FINETUNE = 1;
    uint8 internal constant MODEL_ADAPTER = 2;

    uint8 internal constant ROLE_CONTRIBUTOR = 0;
    uint8 internal constant ROLE_MODEL_OWNER = 1;
    uint8 internal constant ROLE_PROVIDER = 2;
    uint8 internal constant ROLE_STAKER = 3;
    uint8 internal constant ROLE_PROTOCOL = 4;

    uint8 internal constant COMPUTE_TRAIN = 0;
    uint8 internal constant COMPUTE_FINETUNE = 1;
    uint8 internal constant COMPUTE_INFER = 2;
    uint8 internal constant COMPUTE_REPLAY = 3;

    uint32 internal constant PPM = 1_000_000;
    uint32 internal constant BPS = 10_000;
}
