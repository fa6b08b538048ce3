import { ObjectStore, StoreEvent } from './ObjectStore';
import { ResourceRegistry } from './ResourceRegistry';
import { ResourceType, crdFor } from './resourceTypes';

/** A bearer token the cluster accepts, and the resources it may not touch. */
export interface ClusterUser {
  /** The username the apiserver reports in 403 messages. */
  name: string;
  token: string;
  /**
   * A token webhook, as EKS, GKE and AKS put in front of the apiserver: a bearer token it
   * accepts authenticates as this user too (e.g. `eksTokenReview`).
   */
  tokenReview?: (token: string) => boolean;
  /**
   * Resources this user is denied, as `plural`, `plural.group` or `plural/subresource`
   * (e.g. `secrets`, `certificates.cert-manager.io`, `services/proxy`).
   */
  deny: string[];
  /**
   * RBAC: when present, the user may do only what a rule grants, as Roles (`namespaces`) and
   * ClusterRoles (no `namespaces`) would. Absent, everything not denied is allowed.
   */
  rules?: AccessRule[];
}

/** One RBAC rule: verbs on resources, in some namespaces or cluster-wide. */
export interface AccessRule {
  /** get, list, watch, create, update, patch, delete, or `*`. */
  verbs: string[];
  /** As in `deny` (`plural`, `plural.group`, `plural/subresource`), or `*`. */
  resources: string[];
  /** The namespaces a Role grants it in; absent for a ClusterRole (every namespace too). */
  namespaces?: string[];
}

/** An open watch the cluster can close (apiserver restart, dropped connections). */
export interface OpenWatch {
  close(): void;
}

/**
 * One simulated cluster: its object store, the kinds it serves, who may call it, and
 * the watches currently open against it.
 */
export class SimulatedCluster {
  readonly store: ObjectStore;
  readonly registry: ResourceRegistry;
  readonly watches = new Set<OpenWatch>();

  constructor(
    readonly name: string,
    readonly kubernetesVersion: string,
    readonly users: ClusterUser[],
    now: () => Date,
  ) {
    this.store = new ObjectStore(now);
    this.registry = new ResourceRegistry(this.store);
  }

  /** Creates or replaces an object (installing the CRD of a known custom kind first). */
  apply(object: any): any {
    let type = this.registry.forObject(object);
    if (!type) {
      const known = ResourceRegistry.knownCustomType(object);
      if (!known) {
        throw new Error(
          `no kind "${object.kind}" is registered for version "${object.apiVersion}" in cluster ${this.name}`,
        );
      }
      this.store.create(ResourceRegistry.crdType, crdFor(known));
      type = this.registry.forObject(object)!;
    }
    const { namespace, name } = object.metadata ?? {};
    const existing = this.store.get(type, namespace, name);
    if (!existing) return this.store.create(type, object);
    const next = structuredClone(object);
    next.metadata = {
      ...next.metadata,
      uid: existing.metadata.uid,
      creationTimestamp: existing.metadata.creationTimestamp,
    };
    if (existing.metadata.generation !== undefined) {
      const specChanged =
        JSON.stringify(existing.spec) !== JSON.stringify(next.spec);
      next.metadata.generation =
        existing.metadata.generation + (specChanged ? 1 : 0);
    }
    return this.store.update(type, next);
  }

  typeOf(object: any): ResourceType | undefined {
    return this.registry.forObject(object);
  }

  authenticate(authorization: string | null): ClusterUser | undefined {
    const match = authorization?.match(/^Bearer\s+(.+)$/i);
    if (!match) return undefined;
    const token = match[1].trim();
    return (
      this.users.find(u => u.token === token) ??
      this.users.find(u => u.tokenReview?.(token))
    );
  }

  isDenied(
    user: ClusterUser,
    type: Pick<ResourceType, 'plural' | 'group'>,
    subresource?: string,
  ) {
    const names = [
      type.plural,
      type.group ? `${type.plural}.${type.group}` : type.plural,
    ];
    const candidates = subresource
      ? names.map(n => `${n}/${subresource}`)
      : names;
    return user.deny.some(d => candidates.includes(d));
  }

  /**
   * Whether the user may `verb` the resource in `namespace` (undefined: cluster-wide, which a
   * Role never grants), by its deny list and its RBAC rules.
   */
  isAllowed(
    user: ClusterUser,
    verb: string,
    type: Pick<ResourceType, 'plural' | 'group'>,
    namespace: string | undefined,
    subresource?: string,
  ): boolean {
    if (this.isDenied(user, type, subresource)) return false;
    if (!user.rules) return true;
    const base = type.group ? `${type.plural}.${type.group}` : type.plural;
    const names = subresource
      ? [`${type.plural}/${subresource}`, `${base}/${subresource}`]
      : [type.plural, base];
    return user.rules.some(
      rule =>
        (rule.verbs.includes('*') || rule.verbs.includes(verb)) &&
        rule.resources.some(r => r === '*' || names.includes(r)) &&
        (!rule.namespaces ||
          (namespace !== undefined && rule.namespaces.includes(namespace))),
    );
  }

  /** Closes every open watch, as when the apiserver drops its connections. */
  dropWatches(): void {
    for (const watch of [...this.watches]) watch.close();
  }

  /** An apiserver restart: watches closed and the resourceVersion history compacted. */
  restartApiServer(): void {
    this.dropWatches();
    this.store.compact();
  }

  onChange(listener: (event: StoreEvent) => void): () => void {
    return this.store.subscribe(listener);
  }
}
