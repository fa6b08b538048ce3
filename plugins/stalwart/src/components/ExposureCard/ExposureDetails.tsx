import {
  Box,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@material-ui/core';
import type { ExposureStatus } from '@stalwart-backstage/plugin-stalwart-common';
import { formatAge, secondsSince } from '../common/formatAge';
import { ReasonList } from '../common/ReasonList';
import { portRows } from './portRows';

const STATE_TEXT = {
  exposed: 'Exposed',
  missing: 'Not exposed',
  unbound: 'No listener',
};

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
    <Box>
      <Box
        component="dl"
        display="grid"
        style={{
          gridTemplateColumns: 'max-content 1fr',
          columnGap: 16,
          margin: 0,
        }}
      >
        <Typography component="dt" variant="body2" color="textSecondary">
          Service
        </Typography>
        <Typography component="dd" variant="body2" style={{ margin: 0 }}>
          {exposure.service
            ? `${exposure.service.name} (${exposure.service.type})`
            : 'None'}
        </Typography>
        <Typography component="dt" variant="body2" color="textSecondary">
          External address
        </Typography>
        <Typography component="dd" variant="body2" style={{ margin: 0 }}>
          {address(exposure)}
        </Typography>
        <Typography component="dt" variant="body2" color="textSecondary">
          Traffic policy
        </Typography>
        <Typography component="dd" variant="body2" style={{ margin: 0 }}>
          {trafficPolicy(exposure)}
        </Typography>
        <Typography component="dt" variant="body2" color="textSecondary">
          PROXY protocol
        </Typography>
        <Typography component="dd" variant="body2" style={{ margin: 0 }}>
          {proxyProtocol.enabled ? 'Sent by the load balancer' : 'Not sent'}
          {'; Stalwart trusts '}
          {proxyProtocol.trustedNetworks.length > 0
            ? proxyProtocol.trustedNetworks.join(', ')
            : 'no proxy network'}
        </Typography>
      </Box>
      <Table size="small" aria-label={`Ports in ${cluster}`}>
        <TableHead>
          <TableRow>
            <TableCell>Listener</TableCell>
            <TableCell align="right">Container port</TableCell>
            <TableCell align="right">Service port</TableCell>
            <TableCell>State</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {portRows(exposure).map(row => (
            <TableRow
              key={`${row.state}:${row.listener ?? ''}:${row.containerPort}:${
                row.servicePort ?? ''
              }`}
            >
              <TableCell component="th" scope="row">
                {row.listener ?? '–'}
              </TableCell>
              <TableCell align="right">{row.containerPort}</TableCell>
              <TableCell align="right">
                {row.servicePort ?? '–'}
                {row.nodePort ? ` (node ${row.nodePort})` : ''}
              </TableCell>
              <TableCell>{STATE_TEXT[row.state]}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <ReasonList
        reasons={exposure.reasons}
        label={`Exposure findings in ${cluster}`}
      />
    </Box>
  );
}
