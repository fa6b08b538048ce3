/* eslint-disable no-console */
import path from 'node:path';
import { startSimulatorServer } from './server/startSimulatorServer';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main() {
  const scenarioDir = path.resolve(
    argument('scenario') ??
      path.join(
        path.dirname(
          require.resolve('@stalwart-backstage/simulator/package.json'),
        ),
        'scenarios/demo',
      ),
  );
  const port = Number(argument('port') ?? 7070);
  const tls = !process.argv.includes('--http');
  const fleetRepo = argument('fleet-repo');
  // <secret-name>[/<key>]: where onboarding stores Backstage's API key for each new instance.
  const [secretName, key] = (argument('credentials-secret') ?? '').split('/');
  const server = await startSimulatorServer({
    scenarioDir,
    port,
    host: '127.0.0.1',
    tls,
    gitops: fleetRepo
      ? {
          repoDir: path.resolve(fleetRepo),
          chartsDir: path.resolve(
            argument('charts') ?? '../shared/reference/charts',
          ),
          loadBalancerDelayMs: Number(argument('lb-delay-ms') ?? 5000),
          backstageCredentials: secretName ? { secretName, key } : undefined,
        }
      : undefined,
  });
  console.log(`Simulator serving ${scenarioDir}`);
  console.log(`  default cluster: ${server.url}  (token ${server.token})`);
  for (const cluster of server.clusters) {
    console.log(
      `  cluster ${cluster.name}: ${cluster.url}  (token ${cluster.token})`,
    );
  }
  if (fleetRepo) console.log(`  GitOps: reconciling main of ${fleetRepo}`);
  console.log(`  control API: ${server.url}/_simulator/`);
  const insecure = tls ? ' --insecure-skip-tls-verify' : '';
  console.log(
    `  try: kubectl --server ${server.url}${insecure} --token ${server.token} get pods -A`,
  );
  if (server.certificate) {
    console.log(
      `  caData: ${Buffer.from(server.certificate).toString('base64')}`,
    );
  }
  const stop = () => void server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
