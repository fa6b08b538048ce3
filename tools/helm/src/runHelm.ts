import { spawn } from 'node:child_process';
import { parseAllDocuments } from 'yaml';
import { helmBinary, helmEnvironment, kubectlBinary } from './helmBinary';

/** A Kubernetes object as Helm renders it. */
export interface RenderedObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [key: string]: unknown;
}

/** Helm refused: `message` is Helm's own error text (its stderr, without the trailing newline). */
export class HelmError extends Error {
  constructor(message: string, readonly exitCode: number | null) {
    super(message);
    this.name = 'HelmError';
  }
}

export interface HelmChartInput {
  /** The folder of an unpacked chart. */
  chartDir: string;
  /** The content of a values.yaml, passed to Helm on stdin (`--values -`). */
  valuesYaml: string;
}

export interface HelmTemplateInput extends HelmChartInput {
  release: string;
  namespace: string;
  /** Extra API versions the simulated cluster serves (`--api-versions`), e.g. `cert-manager.io/v1`. */
  apiVersions?: string[];
  /** The cluster version Helm assumes (`--kube-version`). */
  kubeVersion?: string;
}

function run(
  binary: string,
  args: string[],
  stdin: string,
): Promise<{ stdout: string; stderr: string; exitCode: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, {
      env: helmEnvironment(),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', chunk => stdout.push(chunk));
    child.stderr.on('data', chunk => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', exitCode =>
      resolve({
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        exitCode,
      }),
    );
    child.stdin.end(stdin);
  });
}

const runHelm = (args: string[], stdin: string) =>
  run(helmBinary(), args, stdin);

/** Parses a multi-document manifest into its objects, skipping empty documents. */
export function parseManifest(manifest: string): RenderedObject[] {
  return parseAllDocuments(manifest)
    .map(document => document.toJS() as RenderedObject | null)
    .filter((object): object is RenderedObject => Boolean(object?.kind));
}

/**
 * `helm template`: the objects the chart renders for these values, or a HelmError carrying
 * Helm's message when the chart refuses them (schema violations, `fail`, template errors).
 */
export async function helmTemplate(
  input: HelmTemplateInput,
): Promise<{ manifest: string; objects: RenderedObject[] }> {
  const args = [
    'template',
    input.release,
    input.chartDir,
    '--namespace',
    input.namespace,
    '--values',
    '-',
    ...(input.kubeVersion ? ['--kube-version', input.kubeVersion] : []),
    ...(input.apiVersions ?? []).flatMap(version => [
      '--api-versions',
      version,
    ]),
  ];
  const result = await runHelm(args, input.valuesYaml);
  if (result.exitCode !== 0) {
    throw new HelmError(result.stderr.trim(), result.exitCode);
  }
  return { manifest: result.stdout, objects: parseManifest(result.stdout) };
}

/** `helm lint`: whether the chart passes with these values, and Helm's full report. */
export async function helmLint(
  input: HelmChartInput,
): Promise<{ ok: boolean; output: string }> {
  const result = await runHelm(
    ['lint', input.chartDir, '--values', '-'],
    input.valuesYaml,
  );
  return {
    ok: result.exitCode === 0,
    output: `${result.stdout}${result.stderr}`.trim(),
  };
}

/** `helm version --short`, e.g. `v4.1.4+g…`. */
export async function helmVersion(): Promise<string> {
  const result = await runHelm(['version', '--short'], '');
  return result.stdout.trim();
}

/** `kubectl kustomize <dir>`: the objects a Flux Kustomization of that folder would apply. */
export async function kustomizeBuild(dir: string): Promise<RenderedObject[]> {
  const result = await run(kubectlBinary(), ['kustomize', dir], '');
  if (result.exitCode !== 0) {
    throw new HelmError(result.stderr.trim(), result.exitCode);
  }
  return parseManifest(result.stdout);
}
