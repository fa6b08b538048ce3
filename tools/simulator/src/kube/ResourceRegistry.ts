import { ObjectStore } from './ObjectStore';
import {
  BUILTIN_RESOURCE_TYPES,
  KNOWN_CUSTOM_RESOURCE_TYPES,
  ResourceType,
  groupVersionOf,
  resourceTypesFromCrd,
} from './resourceTypes';

const CRD_TYPE = BUILTIN_RESOURCE_TYPES.find(
  t => t.kind === 'CustomResourceDefinition',
)!;

/**
 * The kinds one cluster serves: the built-in ones plus one per served version of every
 * CustomResourceDefinition in the store, kept current as CRDs come and go.
 */
export class ResourceRegistry {
  private custom = new Map<string, ResourceType[]>();

  constructor(store: ObjectStore) {
    for (const crd of store.list(CRD_TYPE))
      this.custom.set(crd.metadata.name, resourceTypesFromCrd(crd));
    store.subscribe(event => {
      if (event.resource !== CRD_TYPE) return;
      if (event.type === 'DELETED')
        this.custom.delete(event.object.metadata.name);
      else
        this.custom.set(
          event.object.metadata.name,
          resourceTypesFromCrd(event.object),
        );
    });
  }

  all(): ResourceType[] {
    return [...BUILTIN_RESOURCE_TYPES, ...[...this.custom.values()].flat()];
  }

  find(
    group: string,
    version: string,
    plural: string,
  ): ResourceType | undefined {
    return this.all().find(
      t => t.group === group && t.version === version && t.plural === plural,
    );
  }

  forObject(object: {
    apiVersion?: string;
    kind?: string;
  }): ResourceType | undefined {
    return this.all().find(
      t => groupVersionOf(t) === object.apiVersion && t.kind === object.kind,
    );
  }

  /** The known custom kind an object would need a CRD for, if the simulator knows it. */
  static knownCustomType(object: { apiVersion?: string; kind?: string }) {
    return KNOWN_CUSTOM_RESOURCE_TYPES.find(
      t => groupVersionOf(t) === object.apiVersion && t.kind === object.kind,
    );
  }

  static get crdType(): ResourceType {
    return CRD_TYPE;
  }

  /** Groups in discovery order: for each, its versions (preferred first). */
  groups(): Array<{ name: string; versions: string[] }> {
    const groups = new Map<string, string[]>();
    for (const type of this.all()) {
      if (!type.group) continue;
      const versions = groups.get(type.group) ?? [];
      if (!versions.includes(type.version)) versions.push(type.version);
      groups.set(type.group, versions);
    }
    return [...groups].map(([name, versions]) => ({ name, versions }));
  }

  inGroupVersion(group: string, version: string): ResourceType[] {
    return this.all().filter(t => t.group === group && t.version === version);
  }
}
