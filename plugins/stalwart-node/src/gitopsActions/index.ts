export { ARGO_CD_REFRESH, observeArgoCd, planArgoCdAction } from './argocd';
export {
  FLUX_REQUESTED_AT,
  fluxSourceOf,
  observeFlux,
  planFluxAction,
} from './flux';
export type { GitOpsObject } from './objectRef';
