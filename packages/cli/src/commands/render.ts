import path from 'node:path';
import {
  formatSpecProblems,
  parseInstanceSpec,
  renderInstance,
} from '@stalwart-backstage/plugin-stalwart-charts';
import { readSpecFile } from '../io/readSpecFile';
import { writeTreeAtomically } from '../io/writeTreeAtomically';

export interface RenderCommandOptions {
  spec: string;
  out?: string;
  check?: boolean;
  owner?: string;
  system?: string;
  cluster?: string[];
}

export interface CommandResult {
  exitCode: number;
  stdout: string[];
  stderr: string[];
}

/** User paths are relative to where `yarn stalwart-gitops` was invoked, not the package. */
const resolveUserPath = (p: string) =>
  path.resolve(process.env.INIT_CWD ?? process.cwd(), p);

/** Validates a spec and, unless checking only, writes its files under `<out>/<gitops.path>`. */
export async function renderCommand(
  options: RenderCommandOptions,
): Promise<CommandResult> {
  let document: unknown;
  try {
    document = await readSpecFile(resolveUserPath(options.spec));
  } catch (error) {
    return {
      exitCode: 2,
      stdout: [],
      stderr: [`${options.spec}: ${(error as Error).message}`],
    };
  }
  const result = parseInstanceSpec(document);
  if (!result.ok) {
    return {
      exitCode: 1,
      stdout: [],
      stderr: formatSpecProblems(result.problems),
    };
  }
  const { spec } = result;
  if (options.check) {
    return {
      exitCode: 0,
      stdout: [
        `${options.spec}: valid (${spec.chart} ${spec.chartVersion}, ${spec.gitops.engine})`,
      ],
      stderr: [],
    };
  }
  if (!options.out) {
    return {
      exitCode: 2,
      stdout: [],
      stderr: ['--out is required unless --check is given'],
    };
  }
  const files = await renderInstance(spec, {
    owner: options.owner,
    system: options.system,
    clusters: options.cluster,
  });
  const target = path.join(
    resolveUserPath(options.out),
    ...spec.gitops.path.split('/'),
  );
  await writeTreeAtomically(target, files);
  return {
    exitCode: 0,
    stdout: files.map(f => path.join(target, f.path)),
    stderr: [],
  };
}
