/** JSON merge patch (RFC 7386): objects merge, `null` deletes, anything else replaces. */
export function mergePatch(target: any, patch: any): any {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch))
    return patch;
  const result =
    target && typeof target === 'object' && !Array.isArray(target)
      ? { ...target }
      : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

const unescapePointer = (segment: string) =>
  segment.replace(/~1/g, '/').replace(/~0/g, '~');

function walk(document: any, pointer: string): { parent: any; key: string } {
  const segments = pointer.split('/').slice(1).map(unescapePointer);
  const key = segments.pop();
  if (key === undefined)
    throw new Error(`invalid JSON pointer ${JSON.stringify(pointer)}`);
  let parent = document;
  for (const segment of segments) {
    if (parent?.[segment] === undefined)
      throw new Error(`path ${pointer} does not exist`);
    parent = parent[segment];
  }
  return { parent, key };
}

/** JSON patch (RFC 6902) with add, remove, replace and test. */
export function jsonPatch(target: any, operations: any[]): any {
  const document = structuredClone(target);
  for (const op of operations) {
    const { parent, key } = walk(document, op.path);
    let index: string | number = key;
    if (Array.isArray(parent))
      index = key === '-' ? parent.length : Number(key);
    switch (op.op) {
      case 'add':
        if (Array.isArray(parent)) parent.splice(index as number, 0, op.value);
        else parent[key] = op.value;
        break;
      case 'replace':
        if (parent[index] === undefined)
          throw new Error(`path ${op.path} does not exist`);
        parent[index] = op.value;
        break;
      case 'remove':
        if (parent[index] === undefined)
          throw new Error(`path ${op.path} does not exist`);
        if (Array.isArray(parent)) parent.splice(index as number, 1);
        else delete parent[key];
        break;
      case 'test':
        if (JSON.stringify(parent[index]) !== JSON.stringify(op.value)) {
          throw new Error(`test failed for path ${op.path}`);
        }
        break;
      default:
        throw new Error(
          `unsupported JSON patch operation ${JSON.stringify(op.op)}`,
        );
    }
  }
  return document;
}

/**
 * Applies a PATCH body by its content type. Strategic merge is treated as a merge
 * patch, which is exact for the map fields (annotations, labels) clients patch here.
 */
export function applyPatch(target: any, contentType: string, body: any): any {
  if (contentType.startsWith('application/json-patch+json'))
    return jsonPatch(target, body);
  if (
    contentType.startsWith('application/merge-patch+json') ||
    contentType.startsWith('application/strategic-merge-patch+json')
  ) {
    return mergePatch(target, body);
  }
  throw new Error(`unsupported patch content type ${contentType}`);
}
