import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments, parse as parseYaml, stringify } from 'yaml';
import { kustomizeBuild } from '@stalwart-backstage/helm';
import type { ChartRequest } from './resolveChart';

/** One HelmRelease or Application found on the fleet repository's main branch. */
export interface FleetRelease {
  engine: 'flux' | 'argocd';
  /** The GitOps folder in the repository (`clusters/<cluster>/<name>`). */
  folder: string;
  /** The HelmRelease or Application, as the GitOps engine applies it. */
  owner: any;
  /** The other objects the folder applies: chart source, values ConfigMap, Certificate, secrets. */
  manifests: any[];
  releaseName: string;
  namespace: string;
  chart?: ChartRequest;
  valuesYaml: string;
  /** The folder's `settings-plan.ndjson` (v0.16), which `stalwart-cli apply` applies. */
  settingsPlan?: string;
  /** Why the folder cannot be reconciled at all (kustomize errors, a missing source). */
  problem?: string;
}

const isYaml = (file: string) => /\.ya?ml$/.test(file);

function walk(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    if (entry.name.startsWith('.')) return [];
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory()
      ? walk(path.join(dir, entry.name), relative)
      : [relative];
  });
}

function readObjects(file: string): any[] {
  return parseAllDocuments(fs.readFileSync(file, 'utf8'))
    .map(document => document.toJS())
    .filter(object => object?.kind && object?.apiVersion);
}

const isKind = (object: any, kind: string, group: string) =>
  object.kind === kind && String(object.apiVersion).startsWith(`${group}/`);

function fluxChartRequest(release: any, objects: any[]): ChartRequest {
  const sourceOf = (kind: string, name: string) =>
    objects.find(o => o.kind === kind && o.metadata?.name === name);
  if (release.spec?.chartRef) {
    const source = sourceOf(
      release.spec.chartRef.kind,
      release.spec.chartRef.name,
    );
    if (!source) {
      throw new Error(
        `${release.spec.chartRef.kind} "${release.spec.chartRef.name}" not found`,
      );
    }
    const url: string = source.spec.url;
    return {
      repository: url.slice(0, url.lastIndexOf('/')),
      chart: url.slice(url.lastIndexOf('/') + 1),
      version: source.spec.ref?.tag ?? source.spec.ref?.semver ?? 'latest',
    };
  }
  const chart = release.spec?.chart?.spec ?? {};
  const source = sourceOf(chart.sourceRef?.kind, chart.sourceRef?.name);
  if (!source) {
    throw new Error(
      `${chart.sourceRef?.kind} "${chart.sourceRef?.name}" not found`,
    );
  }
  const namespace = release.metadata?.namespace ?? 'default';
  return {
    repository: source.spec.url,
    chart: chart.chart,
    version:
      chart.sourceRef.kind === 'GitRepository'
        ? source.spec.ref?.tag ?? source.spec.ref?.branch
        : chart.version,
    ...(chart.sourceRef.kind === 'HelmRepository'
      ? {
          helmChart: {
            name: `${namespace}/${namespace}-${release.metadata?.name}`,
            oci: source.spec.type === 'oci',
          },
        }
      : {}),
  };
}

function fluxValues(release: any, objects: any[]): string {
  const layers = (release.spec?.valuesFrom ?? []).map((ref: any) => {
    const object = objects.find(
      o => o.kind === ref.kind && o.metadata?.name === ref.name,
    );
    if (!object) throw new Error(`could not find ${ref.kind} '${ref.name}'`);
    const key = ref.valuesKey ?? 'values.yaml';
    const text =
      ref.kind === 'Secret'
        ? Buffer.from(object.data?.[key] ?? '', 'base64').toString('utf8')
        : object.data?.[key];
    if (text === undefined) {
      throw new Error(`missing key '${key}' in ${ref.kind} '${ref.name}'`);
    }
    return text as string;
  });
  if (release.spec?.values) layers.push(stringify(release.spec.values));
  // Helm merges repeated --values files itself; one document per layer keeps that order.
  return layers.length <= 1 ? layers[0] ?? '' : mergeLayers(layers);
}

function mergeLayers(layers: string[]): string {
  const merge = (a: any, b: any): any =>
    a &&
    b &&
    typeof a === 'object' &&
    typeof b === 'object' &&
    !Array.isArray(a) &&
    !Array.isArray(b)
      ? Object.fromEntries(
          [...new Set([...Object.keys(a), ...Object.keys(b)])].map(k => [
            k,
            k in b ? merge(a[k], b[k]) : a[k],
          ]),
        )
      : b ?? a;
  return stringify(layers.map(l => parseYaml(l) ?? {}).reduce(merge, {}));
}

async function fluxRelease(
  checkout: string,
  folder: string,
): Promise<FleetRelease[]> {
  let objects: any[];
  try {
    objects = await kustomizeBuild(path.join(checkout, folder));
  } catch (error) {
    return [problemRelease('flux', folder, checkout, error)];
  }
  return objects
    .filter(o => isKind(o, 'HelmRelease', 'helm.toolkit.fluxcd.io'))
    .map(owner => {
      const namespace = owner.spec?.targetNamespace ?? owner.metadata.namespace;
      const base = {
        engine: 'flux' as const,
        folder,
        owner,
        manifests: objects.filter(o => o !== owner),
        releaseName:
          owner.spec?.releaseName ??
          (owner.spec?.targetNamespace
            ? `${owner.spec.targetNamespace}-${owner.metadata.name}`
            : owner.metadata.name),
        namespace,
      };
      try {
        return {
          ...base,
          chart: fluxChartRequest(owner, objects),
          valuesYaml: fluxValues(owner, objects),
        };
      } catch (error) {
        return { ...base, valuesYaml: '', problem: (error as Error).message };
      }
    });
}

function problemRelease(
  engine: 'flux' | 'argocd',
  folder: string,
  checkout: string,
  error: unknown,
): FleetRelease {
  // Without a build, the HelmRelease itself still names the release whose status shows why.
  const owner = walk(path.join(checkout, folder))
    .filter(isYaml)
    .flatMap(file => readObjects(path.join(checkout, folder, file)))
    .find(o => ['HelmRelease', 'Application'].includes(o.kind));
  return {
    engine,
    folder,
    owner,
    manifests: [],
    releaseName: owner?.spec?.releaseName ?? owner?.metadata?.name ?? folder,
    namespace: owner?.metadata?.namespace ?? 'default',
    valuesYaml: '',
    problem: (error as Error).message,
  };
}

function argoRelease(
  checkout: string,
  folder: string,
  owner: any,
): FleetRelease {
  const sources: any[] =
    owner.spec?.sources ?? [owner.spec?.source].filter(Boolean);
  const chartSource = sources.find(s => s.chart || s.helm);
  const namespace = owner.spec?.destination?.namespace ?? 'default';
  const base = {
    engine: 'argocd' as const,
    folder,
    owner,
    releaseName: chartSource?.helm?.releaseName ?? owner.metadata.name,
    namespace,
  };
  try {
    const manifests = sources
      .filter(s => s.path && !s.chart)
      .flatMap(s =>
        walk(path.join(checkout, s.path))
          .filter(isYaml)
          .flatMap(file => readObjects(path.join(checkout, s.path, file))),
      )
      .map(o => ({
        ...o,
        metadata: { namespace, ...o.metadata },
      }));
    const valuesYaml = (chartSource?.helm?.valueFiles ?? []).map(
      (file: string) => {
        const relative = file.replace(/^\$[a-z0-9-]+\//, '');
        const full = path.join(checkout, relative);
        if (!fs.existsSync(full)) {
          throw new Error(`${file}: no such file or directory`);
        }
        return fs.readFileSync(full, 'utf8');
      },
    );
    return {
      ...base,
      manifests,
      chart: chartSource && {
        repository: chartSource.repoURL,
        chart: chartSource.chart ?? chartSource.path,
        version: chartSource.targetRevision,
      },
      valuesYaml:
        valuesYaml.length <= 1 ? valuesYaml[0] ?? '' : mergeLayers(valuesYaml),
    };
  } catch (error) {
    return {
      ...base,
      manifests: [],
      valuesYaml: '',
      problem: (error as Error).message,
    };
  }
}

/**
 * Every release a commit of the fleet repository declares: a folder with a
 * kustomization.yaml holding a HelmRelease (built with kustomize, as Flux's
 * kustomize-controller does), or an Argo CD Application with its chart, value files and
 * manifest folders.
 */
export async function findReleases(checkout: string): Promise<FleetRelease[]> {
  const files = walk(checkout);
  const kustomizeFolders = files
    .filter(f => path.basename(f) === 'kustomization.yaml')
    .map(f => path.dirname(f));
  const fluxFolders = kustomizeFolders.filter(folder =>
    walk(path.join(checkout, folder))
      .filter(isYaml)
      .some(file =>
        readObjects(path.join(checkout, folder, file)).some(o =>
          isKind(o, 'HelmRelease', 'helm.toolkit.fluxcd.io'),
        ),
      ),
  );
  const flux = (
    await Promise.all(fluxFolders.map(f => fluxRelease(checkout, f)))
  ).flat();
  const argo = files.filter(isYaml).flatMap(file =>
    readObjects(path.join(checkout, file))
      .filter(o => isKind(o, 'Application', 'argoproj.io'))
      .map(owner => argoRelease(checkout, path.dirname(file), owner)),
  );
  return [...flux, ...argo].map(release => {
    const plan = path.join(checkout, release.folder, 'settings-plan.ndjson');
    return fs.existsSync(plan)
      ? { ...release, settingsPlan: fs.readFileSync(plan, 'utf8') }
      : release;
  });
}
