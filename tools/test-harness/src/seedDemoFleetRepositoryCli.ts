// `yarn seed:fleet-repo <dir>`: scripts/serve-demo.sh seeds the demo's local fleet repository.
import path from 'node:path';
import { seedDemoFleetRepository } from './seedDemoFleetRepository';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write(
    'usage: yarn seed:fleet-repo <fleet repository folder>\n',
  );
  process.exit(2);
}
seedDemoFleetRepository({ dir: path.resolve(dir) }).then(
  added =>
    process.stdout.write(
      added.length
        ? `fleet repository ${dir}: added ${added.join(', ')} on main\n`
        : `fleet repository ${dir}: the demo instances are already on main\n`,
    ),
  error => {
    process.stderr.write(`seeding ${dir} failed: ${error.message}\n`);
    process.exit(1);
  },
);
