import {
  Cell,
  Column,
  Row,
  TableBody,
  TableHeader,
  TableRoot,
} from '@backstage/ui';
import type { ExposureStatus } from '@stalwart-backstage/plugin-stalwart-common';
import type { CSSProperties } from 'react';
import { Fact, FactList } from '../common/FactList';
import { formatAge, secondsSince } from '../common/formatAge';
import { ReasonList } from '../common/ReasonList';
import { TruncatedText } from '../common/TruncatedText';
import { portRows } from './portRows';

const STATE_TEXT = {
  exposed: 'Exposed',
  missing: 'Not exposed',
  unbound: 'No listener',
};

const NOWRAP: CSSProperties = { whiteSpace: 'nowrap' };
const RIGHT: CSSProperties = { ...NOWRAP, textAlign: 'right' };

function address(exposure: ExposureStatus): string {
  const service = exposure.service;
  if (!service) return 'No Service';
  if (service.externalAddresses.length > 0)
    return service.externalAddresses.join(', ');
  if (service.pendingSince) {
    return `Pending for ${formatAge(secondsSince(service.pendingSince))}`;
  }
  return service.type === 'LoadBalancer' ? 'Pending' : `None (${service.type})`;
}

function trafficPolicy(exposure: ExposureStatus): string {
  const policy = exposure.service?.externalTrafficPolicy;
  if (!policy) return 'Not set';
  return policy === 'Local'
    ? 'Local (client addresses preserved)'
    : `${policy} (client addresses hidden behind node SNAT)`;
}

/** One cluster's mail Service. */
export function ExposureDetails(props: {
  exposure: ExposureStatus;
  cluster: string;
}) {
  const { exposure, cluster } = props;
  const { proxyProtocol } = exposure;
  return (
    <>
      <FactList>
        <Fact label="Service">
          {exposure.service
            ? `${exposure.service.name} (${exposure.service.type})`
            : 'None'}
        </Fact>
        <Fact label="External address">{address(exposure)}</Fact>
        <Fact label="Traffic policy">{trafficPolicy(exposure)}</Fact>
        <Fact label="PROXY protocol">
          {proxyProtocol.enabled ? 'Sent by the load balancer' : 'Not sent'}
          {'; Stalwart trusts '}
          {proxyProtocol.trustedNetworks.length > 0
            ? proxyProtocol.trustedNetworks.join(', ')
            : 'no proxy network'}
        </Fact>
      </FactList>
      <TableRoot
        aria-label={`Ports in ${cluster}`}
        style={{
          tableLayout: 'fixed',
          width: '100%',
          marginTop: 'var(--bui-space-3)',
        }}
      >
        <TableHeader>
          <Column isRowHeader style={{ ...NOWRAP, width: '28%' }}>
            Listener
          </Column>
          <Column style={{ ...RIGHT, width: '20%' }}>Container port</Column>
          <Column style={{ ...RIGHT, width: '30%' }}>Service port</Column>
          <Column style={{ ...NOWRAP, width: '22%' }}>State</Column>
        </TableHeader>
        <TableBody>
          {portRows(exposure).map(row => {
            const id = `${row.state}:${row.listener ?? ''}:${
              row.containerPort
            }:${row.servicePort ?? ''}`;
            return (
              <Row key={id} id={id}>
                <Cell>
                  <TruncatedText text={row.listener ?? '–'} code />
                </Cell>
                <Cell style={RIGHT}>{row.containerPort}</Cell>
                <Cell style={RIGHT}>
                  <TruncatedText
                    text={`${row.servicePort ?? '–'}${
                      row.nodePort ? ` (node ${row.nodePort})` : ''
                    }`}
                  />
                </Cell>
                <Cell>
                  <TruncatedText text={STATE_TEXT[row.state]} />
                </Cell>
              </Row>
            );
          })}
        </TableBody>
      </TableRoot>
      <ReasonList
        reasons={exposure.reasons}
        label={`Exposure findings in ${cluster}`}
      />
    </>
  );
}
