import type { SimulatedCluster } from '../kube/SimulatedCluster';
import { ResourceRegistry } from '../kube/ResourceRegistry';
import type { ResourceType } from '../kube/resourceTypes';

/** An applied object's identity, as Flux writes inventory entries (`<ns>_<name>_<group>_<kind>`). */
export interface InventoryEntry {
  id: string;
  v: string;
}

const APPLY_FIRST = ['Namespace', 'CustomResourceDefinition'];
const rank = (o: any) => {
  const index = APPLY_FIRST.indexOf(o.kind);
  return index < 0 ? APPLY_FIRST.length : index;
};

function typeFor(cluster: SimulatedCluster, object: any) {
  return cluster.typeOf(object) ?? ResourceRegistry.knownCustomType(object);
}

export function inventoryEntry(object: any): InventoryEntry {
  const [group, version] = String(object.apiVersion).includes('/')
    ? String(object.apiVersion).split('/')
    : ['', object.apiVersion];
  return {
    id: `${object.metadata.namespace ?? ''}_${object.metadata.name}_${group}_${
      object.kind
    }`,
    v: version,
  };
}

/**
 * Puts the namespace on namespaced objects that have none and refuses the whole set when one
 * kind is not served, in the words Helm uses, before anything is written.
 */
export function prepareObjects(
  cluster: SimulatedCluster,
  objects: any[],
  namespace: string,
): { ok: true; objects: any[] } | { ok: false; message: string } {
  const prepared: any[] = [];
  for (const object of objects) {
    const type = typeFor(cluster, object);
    if (!type) {
      return {
        ok: false,
        message: `resource mapping not found for name: "${
          object.metadata?.name
        }" namespace: "${
          object.metadata?.namespace ?? namespace
        }" from "": no matches for kind "${object.kind}" in version "${
          object.apiVersion
        }"\nensure CRDs are installed first`,
      };
    }
    prepared.push(
      type.namespaced
        ? { ...object, metadata: { namespace, ...object.metadata } }
        : object,
    );
  }
  return { ok: true, objects: prepared.sort((a, b) => rank(a) - rank(b)) };
}

/**
 * Applies a prepared set and deletes what the previous inventory held but this one does not
 * (Flux's and Argo CD's prune), keeping the status an object already has.
 */
export function applyAndPrune(
  cluster: SimulatedCluster,
  objects: any[],
  previous: InventoryEntry[],
): InventoryEntry[] {
  for (const object of objects) {
    const type = typeFor(cluster, object) as ResourceType;
    const existing = cluster.typeOf(object)
      ? cluster.store.get(type, object.metadata.namespace, object.metadata.name)
      : undefined;
    cluster.apply(
      existing?.status && !object.status
        ? { ...object, status: existing.status }
        : object,
    );
  }
  const inventory = objects.map(inventoryEntry);
  const kept = new Set(inventory.map(e => e.id));
  for (const stale of previous.filter(e => !kept.has(e.id))) {
    const [namespace, name, group, kind] = stale.id.split('_');
    const type = cluster.typeOf({
      apiVersion: group ? `${group}/${stale.v}` : stale.v,
      kind,
    });
    if (type) cluster.store.delete(type, namespace || undefined, name);
  }
  return inventory;
}
