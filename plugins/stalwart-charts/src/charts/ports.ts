import type { ChartPort, MailPortKind } from './types';

// The ports Stalwart's listeners conventionally use; the charts differ only in names, in
// which they enable and in the Service port of the management listener.
const CONVENTIONAL: Record<
  MailPortKind,
  { name: string; port: number; implicitTls: boolean }
> = {
  smtp: { name: 'smtp', port: 25, implicitTls: false },
  submission: { name: 'submission', port: 587, implicitTls: false },
  submissions: { name: 'smtps', port: 465, implicitTls: true },
  imap: { name: 'imap', port: 143, implicitTls: false },
  imaps: { name: 'imaps', port: 993, implicitTls: true },
  pop3: { name: 'pop3', port: 110, implicitTls: false },
  pop3s: { name: 'pop3s', port: 995, implicitTls: true },
  sieve: { name: 'sieve', port: 4190, implicitTls: false },
  http: { name: 'http', port: 80, implicitTls: false },
  https: { name: 'https', port: 443, implicitTls: true },
  management: { name: 'http', port: 8080, implicitTls: false },
};

/** A chart's port for a listener kind: the conventional one, with what the chart changes. */
export function chartPort(
  kind: MailPortKind,
  changes: Partial<Omit<ChartPort, 'kind'>> = {},
): ChartPort {
  const { name, port, implicitTls } = CONVENTIONAL[kind];
  return {
    kind,
    name,
    port,
    containerPort: port,
    implicitTls,
    enabledByDefault: true,
    ...changes,
  };
}
