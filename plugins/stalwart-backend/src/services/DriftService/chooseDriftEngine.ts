import type { DriftEngine } from '@stalwart-backstage/plugin-stalwart-common';
import type { StalwartPodConnection } from '../StalwartConnection/types';

/**
 * The engine that reads an instance's drift: the one most of its reachable pods speak. A tie
 * goes to the generation the instance's chart declares, so one pod on another version (a
 * half-finished upgrade, a mistagged image) is reported as that pod's problem instead of
 * turning the whole report to its engine. With no pod reachable, the chart decides, then the
 * image tags.
 */
export function chooseDriftEngine(
  pods: StalwartPodConnection[],
  declaredGeneration: DriftEngine | undefined,
): DriftEngine | undefined {
  const votes = new Map<DriftEngine, number>();
  for (const { engine } of pods)
    if (engine) votes.set(engine, (votes.get(engine) ?? 0) + 1);
  const most = Math.max(0, ...votes.values());
  const leaders = [...votes.keys()].filter(e => votes.get(e) === most);
  if (leaders.length === 1) return leaders[0];
  if (
    declaredGeneration &&
    (leaders.length === 0 || leaders.includes(declaredGeneration))
  )
    return declaredGeneration;
  if (leaders.length > 0) return leaders[0];
  return pods.find(p => p.pod.engineFromImage)?.pod.engineFromImage;
}
