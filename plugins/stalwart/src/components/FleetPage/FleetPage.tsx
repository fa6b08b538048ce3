import { Content, Header, Page } from '@backstage/core-components';
import {
  Box,
  FormControl,
  Grid,
  InputLabel,
  MenuItem,
  Select,
  TextField,
  Typography,
} from '@material-ui/core';
import { Alert, Skeleton } from '@material-ui/lab';
import type { VerdictState } from '@stalwart-backstage/plugin-stalwart-common';
import { useState } from 'react';
import { errorMessage } from '../common/describeError';
import { SectionCard } from '../common/SectionCard';
import { verdictLabel } from '../common/VerdictBadge';
import { CertificateExpiryChart } from './CertificateExpiryChart';
import { filterFleetRows } from './fleetQuery';
import { FleetTable } from './FleetTable';
import { useFleet } from './useFleet';

const VERDICTS: VerdictState[] = ['critical', 'warning', 'unknown', 'healthy'];

/**
 * Every Stalwart instance in the catalog, worst first, with the fleet's certificate expiry. The
 * new frontend system's page layout supplies the header.
 */
export function FleetPageContent() {
  const fleet = useFleet();
  const [search, setSearch] = useState('');
  const [verdict, setVerdict] = useState<VerdictState | 'any'>('any');
  const rows = filterFleetRows(fleet.rows, {
    search,
    filters: verdict === 'any' ? {} : { verdict },
  });

  let body;
  if (fleet.loading) {
    body = (
      <div role="progressbar" aria-label="Loading mail servers">
        <Skeleton variant="rect" height={200} />
      </div>
    );
  } else if (fleet.error) {
    body = (
      <Alert severity="error">
        Could not list the instances: {errorMessage(fleet.error)}
      </Alert>
    );
  } else if (fleet.rows.length === 0) {
    body = (
      <Typography variant="body1">
        No catalog entity carries the <code>stalwart.io/release</code>{' '}
        annotation yet. Create one with the Stalwart template, or annotate an
        existing component.
      </Typography>
    );
  } else {
    body = (
      <Grid container spacing={3}>
        <Grid item xs={12} md={8}>
          <SectionCard title="Instances">
            <Box display="flex" flexWrap="wrap" style={{ gap: 16 }} mb={2}>
              <TextField
                id="stalwart-fleet-search"
                label="Filter instances"
                variant="outlined"
                size="small"
                value={search}
                onChange={e => setSearch(e.target.value)}
                inputProps={{ type: 'search' }}
              />
              <FormControl
                variant="outlined"
                size="small"
                style={{ minWidth: 180 }}
              >
                <InputLabel id="stalwart-fleet-verdict">
                  Filter by verdict
                </InputLabel>
                <Select
                  labelId="stalwart-fleet-verdict"
                  label="Filter by verdict"
                  value={verdict}
                  onChange={e =>
                    setVerdict(e.target.value as VerdictState | 'any')
                  }
                >
                  <MenuItem value="any">Any verdict</MenuItem>
                  {VERDICTS.map(v => (
                    <MenuItem key={v} value={v}>
                      {verdictLabel(v)}
                    </MenuItem>
                  ))}
                </Select>
              </FormControl>
            </Box>
            <FleetTable rows={rows} />
          </SectionCard>
        </Grid>
        <Grid item xs={12} md={4}>
          <SectionCard title="Certificate expiry">
            <CertificateExpiryChart rows={fleet.rows} />
          </SectionCard>
        </Grid>
      </Grid>
    );
  }

  return <Content>{body}</Content>;
}

/** The fleet page with its own header, for legacy apps. */
export function FleetPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Mail servers"
        subtitle="Every Stalwart instance in the catalog"
      />
      <FleetPageContent />
    </Page>
  );
}
