/**
 * The Helm chart flavors this project ships, which the instance spec's `chart` accepts.
 *
 * @public
 */
export type ChartFlavorId = 'antigenic' | 'olsontech' | 'hiroba' | 'kgrubb';

/**
 * Which Stalwart configuration engine a chart targets: `v0.15` is the config.toml + settings
 * API model of v0.11–v0.15, `v0.16` the config.json + JMAP registry model.
 *
 * @public
 */
export type StalwartGeneration = 'v0.15' | 'v0.16';

/**
 * Where a chart is published, which decides the Flux source kind and the Argo CD source.
 *
 * @public
 */
export type ChartSource =
  | {
      /** An OCI registry: Flux OCIRepository, Argo CD `repoURL` without the scheme. */
      type: 'oci';
      /** The registry path holding the chart, without the chart name (`oci://…/charts`). */
      repository: string;
    }
  | {
      /** A classic `index.yaml` Helm repository: Flux HelmRepository. */
      type: 'helm';
      repository: string;
    }
  | {
      /** No published package: the chart is read from its git repository at a tag. */
      type: 'git';
      repository: string;
      /** Folder of the chart inside the repository. */
      path: string;
      /** The git tag for a chart version. */
      tagFor(chartVersion: string): string;
    };

/**
 * A protocol a Stalwart listener speaks, named the way the charts name their ports.
 *
 * @public
 */
export type MailPortKind =
  | 'smtp'
  | 'submission'
  | 'submissions'
  | 'imap'
  | 'imaps'
  | 'pop3'
  | 'pop3s'
  | 'sieve'
  | 'http'
  | 'https'
  | 'management';

/**
 * A port a chart's Services expose by default.
 *
 * @public
 */
export interface ChartPort {
  /** What the port carries. */
  kind: MailPortKind;
  /** The port name the chart gives it in its Service (and usually its values key). */
  name: string;
  /** The Service port. */
  port: number;
  /** The container port it targets. */
  containerPort: number;
  /** Whether the listener expects TLS from the first byte. */
  implicitTls: boolean;
  /** Whether the chart's default values expose it. */
  enabledByDefault: boolean;
  /**
   * The chart's values.yaml does not list it, but its config binds the listener anyway, so the
   * renderer adds it to the Service's port list.
   */
  beyondChartValues?: boolean;
}

/**
 * The object names a chart derives from the Helm release name.
 *
 * @public
 */
export interface ChartObjectNames {
  /** The chart's `fullname` helper: the name of the workload and most objects. */
  fullname: string;
  /** The workload (StatefulSet or Deployment). */
  workload: string;
  /** The governing headless Service of the StatefulSet, if the chart makes one. */
  headlessService?: string;
  /** The Service that carries the mail listener ports. */
  mailService: string;
  /** The Service and port of Stalwart's management HTTP listener (API, health, metrics). */
  managementService: { name: string; port: number };
  /** The object holding the rendered Stalwart configuration. */
  config: { kind: 'ConfigMap' | 'Secret'; name: string; key: string };
  /**
   * The cert-manager Certificate serving the mail hostname when cert-manager issues it:
   * made by the chart itself (`chart`) or by the GitOps files this project renders (`renderer`).
   */
  certificate: {
    name: string;
    secretName: string;
    madeBy: 'chart' | 'renderer';
  };
}

/**
 * How Stalwart cluster node ids relate to the pods a chart runs.
 *
 * @public
 */
export type NodeIdScheme =
  | {
      /** The node id is the StatefulSet pod ordinal. */
      type: 'pod-ordinal';
      /** The first ordinal (`spec.ordinals.start`), so the first node id. */
      firstOrdinal: 0 | 1;
      /** How the chart injects it. */
      via: 'init-container-substitution' | 'pod-index-label';
    }
  | {
      /** Every pod runs with the same id (no clustering). */
      type: 'fixed';
      nodeId: number;
    }
  | {
      /** v0.16 leases node ids in the data store by hostname; ordinals only name pods. */
      type: 'hostname-lease';
      firstOrdinal: 0 | 1;
    };

/**
 * Options that change which objects a chart renders.
 *
 * @public
 */
export interface ChartTopology {
  /** The number of Stalwart pods. */
  replicas: number;
}

/**
 * Everything the renderers, the status backend and the simulator need to know about a chart.
 * `Id` narrows to `ChartFlavorId` for the flavors this package ships.
 *
 * @public
 */
export interface ChartFlavor<Id extends string = string> {
  id: Id;
  /** A human title. */
  title: string;
  /** `Chart.yaml` name. */
  chartName: string;
  /** The chart version this project was tested with: the default `chartVersion`. */
  chartVersion: string;
  /** Where the chart is published. */
  source: ChartSource;
  /** The Stalwart configuration engine the chart targets. */
  generation: StalwartGeneration;
  /** The chart's default image. */
  image: { repository: string; tag: string };
  /** The folder under `shared/reference/charts` holding the chart's reference values. */
  referenceDir: string;
  /** Whether the chart publishes a `values.schema.json`. */
  hasValuesSchema: boolean;
  /** The workload kind the chart renders for a topology. */
  workloadKind(topology: ChartTopology): 'StatefulSet' | 'Deployment';
  /** How node ids are assigned for a topology. */
  nodeIds(topology: ChartTopology): NodeIdScheme;
  /** The object names derived from a release name. */
  objectNames(release: string, topology: ChartTopology): ChartObjectNames;
  /** Whether `fullname` drops the chart name when the release already contains it (the `helm create` scaffold) or always appends it. */
  fullnameRule: 'scaffold' | 'always-suffixed';
  /** Every suffix the chart appends to `fullname` for an object name ('' is fullname itself). */
  nameSuffixes: string[];
  /**
   * Labels the chart puts on the workload, pod template, Services and ConfigMaps (and a
   * Certificate it makes itself) of every release, whatever the release name: a watch selecting
   * them sees every instance of the chart and no other team's objects.
   */
  watchLabels: Record<string, string>;
  /** Labels that select exactly the release's Stalwart pods. */
  podSelector(release: string): Record<string, string>;
  /** The pod template annotation whose value changes with the rendered config, if any. */
  configChecksumAnnotation?: string;
  /** The ports the chart's Services expose. */
  ports: ChartPort[];
}
