import type { KubernetesObject } from '@kubernetes/client-node';
import { delay, http, HttpResponse } from 'msw';

const PLURALS: Record<string, string> = {
  StatefulSet: 'statefulsets',
  Deployment: 'deployments',
  Pod: 'pods',
  Service: 'services',
  ConfigMap: 'configmaps',
  Secret: 'secrets',
  Certificate: 'certificates',
  HelmRelease: 'helmreleases',
  Application: 'applications',
};

type Failure = { status: number; message: string } | 'hang' | 'network';

/**
 * A Kubernetes API server for msw: namespaced and cluster-wide list and watch of the objects it
 * holds, with resource versions, watch events, 410 expiry and failures, answering like
 * kube-apiserver.
 */
export class FakeKubernetesCluster {
  readonly requests: Array<{
    path: string;
    watch: boolean;
    authorization: string | null;
  }> = [];
  private readonly collections = new Map<string, KubernetesObject[]>();
  private readonly watchers = new Map<
    string,
    Set<ReadableStreamDefaultController>
  >();
  private resourceVersion = 1000;
  private failure?: Failure;
  private readonly servedPaths = new Set<string>();
  private readonly forbiddenPaths = new Set<string>();
  private readonly encoder = new TextEncoder();

  constructor(readonly url: string, options: { crds?: boolean } = {}) {
    if (options.crds === false) {
      this.servedPaths.add('apis/cert-manager.io');
      this.servedPaths.add('apis/helm.toolkit.fluxcd.io');
      this.servedPaths.add('apis/argoproj.io');
    }
  }

  add(...objects: KubernetesObject[]): this {
    for (const object of objects) {
      const path = this.pathOf(object);
      const stored = this.stamp(object);
      const list = (this.collections.get(path) ?? []).filter(
        o => o.metadata?.name !== object.metadata?.name,
      );
      this.collections.set(path, [...list, stored]);
    }
    return this;
  }

  /** Changes an object and tells open watches, as the API server would. */
  modify(object: KubernetesObject) {
    this.add(object);
    const stored = this.collections
      .get(this.pathOf(object))!
      .find(o => o.metadata?.name === object.metadata?.name)!;
    this.send(this.pathOf(object), { type: 'MODIFIED', object: stored });
  }

  /** Ends every open watch with the 410 Gone a compacted etcd produces. */
  expireWatches() {
    for (const [path, controllers] of this.watchers) {
      this.send(path, {
        type: 'ERROR',
        object: {
          kind: 'Status',
          apiVersion: 'v1',
          status: 'Failure',
          reason: 'Expired',
          code: 410,
          message: 'too old resource version',
        },
      });
      controllers.forEach(c => c.close());
      controllers.clear();
    }
  }

  /** Answers 403 for every path under `pathPrefix` (e.g. `apis/cert-manager.io`), as RBAC that leaves a kind out. */
  forbid(pathPrefix: string): this {
    this.forbiddenPaths.add(pathPrefix);
    return this;
  }

  failWith(failure: Failure | undefined) {
    this.failure = failure;
    if (failure) this.closeWatches();
  }

  closeWatches() {
    for (const controllers of this.watchers.values()) {
      controllers.forEach(c => {
        try {
          c.close();
        } catch {
          // already closed
        }
      });
      controllers.clear();
    }
  }

  listCount(): number {
    return this.requests.filter(r => !r.watch).length;
  }

  handlers() {
    return [
      http.get(`${this.url}/*`, async ({ request }) => {
        const url = new URL(request.url);
        const watch = url.searchParams.get('watch') === 'true';
        this.requests.push({
          path: url.pathname,
          watch,
          authorization: request.headers.get('authorization'),
        });
        if (this.failure === 'hang') {
          await delay('infinite');
          return HttpResponse.error();
        }
        if (this.failure === 'network') {
          return HttpResponse.error();
        }
        if (this.failure) {
          return this.status(this.failure.status, this.failure.message);
        }
        const path = url.pathname.replace(/^\//, '');
        if ([...this.forbiddenPaths].some(p => path.startsWith(p))) {
          return this.status(
            403,
            `${path
              .split('/')
              .pop()} is forbidden: User "system:serviceaccount:backstage:reader" cannot list this resource`,
          );
        }
        if ([...this.servedPaths].some(p => path.startsWith(p))) {
          return this.status(
            404,
            'the server could not find the requested resource',
          );
        }
        return watch ? this.openWatch(path) : this.list(path);
      }),
    ];
  }

  private list(path: string) {
    const kind = Object.keys(PLURALS).find(k =>
      path.endsWith(`/${PLURALS[k]}`),
    );
    return HttpResponse.json({
      kind: `${kind}List`,
      apiVersion: 'v1',
      metadata: { resourceVersion: String(this.resourceVersion) },
      // Like kube-apiserver, list items carry no kind or apiVersion (watch events do).
      items: [...this.collections]
        .filter(([stored]) => stored === path || clusterWide(stored) === path)
        .flatMap(([, objects]) => objects)
        .map(({ kind: _kind, apiVersion: _apiVersion, ...item }) => item),
    });
  }

  private openWatch(path: string) {
    const stream = new ReadableStream({
      start: controller => {
        // kube-apiserver sends the headers of a watch at once; msw sends them with the first
        // chunk, so send a blank line, which watch clients skip.
        controller.enqueue(this.encoder.encode('\n'));
        const set = this.watchers.get(path) ?? new Set();
        set.add(controller);
        this.watchers.set(path, set);
      },
    });
    return new HttpResponse(stream, {
      headers: { 'Content-Type': 'application/json' },
    });
  }

  private send(path: string, event: unknown) {
    const line = this.encoder.encode(`${JSON.stringify(event)}\n`);
    for (const watched of new Set([path, clusterWide(path)])) {
      this.watchers.get(watched)?.forEach(c => c.enqueue(line));
    }
  }

  private status(code: number, message: string) {
    return HttpResponse.json(
      {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message,
        code,
      },
      { status: code },
    );
  }

  private stamp(object: KubernetesObject): KubernetesObject {
    this.resourceVersion += 1;
    return {
      ...object,
      metadata: {
        ...object.metadata,
        resourceVersion: String(this.resourceVersion),
      },
    };
  }

  private pathOf(object: KubernetesObject): string {
    const apiVersion = object.apiVersion ?? 'v1';
    const prefix = apiVersion.includes('/')
      ? `apis/${apiVersion}`
      : `api/${apiVersion}`;
    return `${prefix}/namespaces/${object.metadata?.namespace}/${
      PLURALS[object.kind!]
    }`;
  }
}

/** `api/v1/namespaces/mail/pods` → `api/v1/pods`. */
function clusterWide(namespacedPath: string): string {
  return namespacedPath.replace(/\/namespaces\/[^/]+\//, '/');
}
