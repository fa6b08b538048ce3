import type { ExposureStatus } from '@stalwart-backstage/plugin-stalwart-common';

export interface PortRow {
  listener?: string;
  /** The port the listener binds inside the pod. */
  containerPort: number;
  /** The Service port in front of it; undefined when the Service does not expose it. */
  servicePort?: number;
  nodePort?: number;
  state: 'exposed' | 'missing' | 'unbound';
}

/** Expected listener ports beside the Service's ports: exposed, missing, or bound by nothing. */
export function portRows(exposure: ExposureStatus): PortRow[] {
  const servicePorts = exposure.service?.ports ?? [];
  const unbound = new Set(exposure.unboundPorts.map(p => p.port));
  const expected: PortRow[] = exposure.expectedPorts.map(
    ({ listener, port }) => {
      const match = servicePorts.find(
        p =>
          (typeof p.targetPort === 'number' ? p.targetPort : p.port) === port,
      );
      return match
        ? {
            listener,
            containerPort: port,
            servicePort: match.port,
            nodePort: match.nodePort,
            state: 'exposed',
          }
        : { listener, containerPort: port, state: 'missing' };
    },
  );
  const extra: PortRow[] = servicePorts
    .filter(p => unbound.has(p.port))
    .map(p => ({
      containerPort: typeof p.targetPort === 'number' ? p.targetPort : p.port,
      servicePort: p.port,
      nodePort: p.nodePort,
      state: 'unbound',
    }));
  return [...expected, ...extra];
}
