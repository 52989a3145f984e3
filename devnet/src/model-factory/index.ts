export { loadSpamCorpus, SPAM_CLASSES, type SpamMessage, seededShuffle, splitHeldOut } from './corpus.js';
export { accuracy, featureMatrix } from './evaluate.js';
export { exportOnnx } from './exportOnnx.js';
export { type ForwardOutput, type MlpWeights, mlpForward, softmaxRows } from './mlp.js';
export {
  DEFAULT_TRAIN_CONFIG,
  fineTune,
  type ModelCheckpoint,
  type TrainConfig,
  type TrainedMlp,
  type TrainInput,
  trainModel,
} from './train.js';
export {
  type MethodFigures,
  type PoisonOptions,
  type PoisonReport,
  poisonExperiment,
  rocAuc,
} from './validation.js';
