import { registerGetInstanceStatusAction } from './getInstanceStatusAction';
import { registerKeepLiveValueAction } from './keepLiveValueAction';
import { registerGetSettingsDriftAction } from './getSettingsDriftAction';
import { registerListFleetAction } from './listFleetAction';
import { registerReconcileInstanceAction } from './reconcileInstanceAction';
import type { StalwartActionDeps } from './types';

/**
 * The actions AI agents (MCP clients through @backstage/plugin-mcp-actions-backend) may call.
 * Each checks the caller's permission on the entity, as the HTTP routes do.
 */
export function registerStalwartActions(deps: StalwartActionDeps): void {
  registerGetInstanceStatusAction(deps);
  registerGetSettingsDriftAction(deps);
  registerListFleetAction(deps);
  registerReconcileInstanceAction(deps);
  registerKeepLiveValueAction(deps);
}
