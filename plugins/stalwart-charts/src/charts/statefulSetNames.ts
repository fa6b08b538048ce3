import type { ChartObjectNames } from './types';

/**
 * The object names of a StatefulSet chart that names everything from `fullname`: a
 * `-headless` governing Service, the config in `-config`, the mail certificate in `-tls`, and
 * Stalwart's management listener on port 8080 of the mail Service.
 */
export function statefulSetObjectNames(
  fullname: string,
  chart: {
    mailService: string;
    config: Omit<ChartObjectNames['config'], 'name'>;
    certificateMadeBy: ChartObjectNames['certificate']['madeBy'];
  },
): ChartObjectNames {
  return {
    fullname,
    workload: fullname,
    headlessService: `${fullname}-headless`,
    mailService: chart.mailService,
    managementService: { name: chart.mailService, port: 8080 },
    config: { ...chart.config, name: `${fullname}-config` },
    certificate: {
      name: `${fullname}-tls`,
      secretName: `${fullname}-tls`,
      madeBy: chart.certificateMadeBy,
    },
  };
}
