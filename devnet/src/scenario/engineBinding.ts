import { UserError } from '@ae/contracts';
import type { ScenarioEngine } from './engine.js';

/** Binds the Model Factory, the artifact store and the PoA engine (pending: their workspaces land next). */
export async function bindEngine(_opts: { artifactsDir?: string }): Promise<ScenarioEngine> {
  throw new UserError('the scenario engine binding is not available yet');
}
