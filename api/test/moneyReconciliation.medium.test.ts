import { moneyReconciliationSuite } from './moneyReconciliationSuite.js';

// the medium scenario: ~100k events, one block of ~15 MB of logs (2 min on an idle 2-core machine; headroom for load)
moneyReconciliationSuite({ scale: 'medium', seed: 14, timeoutMs: 1_500_000 });
