import { Command } from 'commander';
import { adoptCommand } from './commands/adopt';
import { renderCommand } from './commands/render';

const program = new Command('stalwart-gitops')
  .description(
    'Render Stalwart instance specs into chart values and GitOps manifests',
  )
  .showHelpAfterError();

program
  .command('render')
  .description('Validate a spec and write its files under <out>/<gitops.path>/')
  .requiredOption('--spec <file>', 'instance spec (.yaml, .yml or .json)')
  .option('--out <dir>', 'root of the GitOps repository checkout')
  .option('--check', 'validate only; write nothing')
  .option(
    '--owner <entityRef>',
    'owner of the catalog entity (adds catalog-info.yaml)',
  )
  .option('--system <entityRef>', 'system of the catalog entity')
  .option(
    '--cluster <name...>',
    'Backstage cluster names for the stalwart.io/clusters annotation',
  )
  .action(async options => {
    const result = await renderCommand(options);
    for (const line of result.stdout) process.stdout.write(`${line}\n`);
    for (const line of result.stderr) process.stderr.write(`${line}\n`);
    process.exitCode = result.exitCode;
  });

program
  .command('adopt')
  .description(
    'Write the live values of a drift report into git locally (v0.16: the settings plan, v0.15: the spec)',
  )
  .requiredOption('--spec <file>', 'instance spec (.yaml, .yml or .json)')
  .requiredOption(
    '--from-live <report.json>',
    'a drift report as GET …/drift answers it',
  )
  .option('--out <dir>', 'root of the GitOps repository checkout (v0.16)')
  .option('--item <id...>', 'item ids to adopt (default: every adoptable item)')
  .option('--dry-run', 'print the diff; write nothing')
  .action(async options => {
    const result = await adoptCommand(options);
    for (const line of result.stdout) process.stdout.write(`${line}\n`);
    for (const line of result.stderr) process.stderr.write(`${line}\n`);
    process.exitCode = result.exitCode;
  });

program.parseAsync(process.argv).catch(error => {
  process.stderr.write(
    `stalwart-gitops: ${error instanceof Error ? error.message : error}\n`,
  );
  process.exitCode = 2;
});
