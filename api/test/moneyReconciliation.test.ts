import { moneyReconciliationSuite } from './moneyReconciliationSuite.js';

// the small scenario (about a minute here); moneyReconciliation.medium.test.ts plays the medium one
moneyReconciliationSuite({ scale: 'small', seed: 14, timeoutMs: 900_000 });
