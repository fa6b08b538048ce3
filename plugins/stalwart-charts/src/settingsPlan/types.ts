/**
 * One object a settings plan declares.
 *
 * @public
 */
export interface DeclaredObject {
  /** `x:` type name. */
  type: string;
  operation: 'update' | 'upsert' | 'create' | 'destroy';
  /** The plan's client id (`#cid` references name it); `singleton` for singletons. */
  cid: string;
  /** `update` of a collection object: the server id it patches (only the patched fields are declared). */
  id?: string;
  /** `destroy`: the query filter; every live object whose fields equal it is to go. */
  filter?: Record<string, unknown>;
  /** The fields that identify it among its type's objects (`matchOn`, else `labelProperty`). */
  matchOn: string[];
  value: Record<string, unknown>;
}
