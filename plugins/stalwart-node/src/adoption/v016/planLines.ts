import { naturalKeyOf } from '../../drift/v016/naturalKeys';

type Operation = Record<string, any>;

const typeName = (object: string) =>
  object.startsWith('x:') ? object : `x:${object}`;

/** Where a declared collection object sits: its line and its client id there. */
export interface PlanEntry {
  index: number;
  cid: string;
}

/**
 * A settings plan held line by line for editing: lines nobody changes are written back
 * byte for byte, so a diff shows only the operations an adoption touched. The plan must
 * already have passed `parseSettingsPlan`.
 */
export class PlanLines {
  private readonly removed = new Set<number>();

  private constructor(
    private readonly lines: string[],
    private readonly ops: Array<Operation | undefined>,
  ) {}

  static parse(text: string): PlanLines {
    const lines = text.replace(/\n$/, '').split('\n');
    if (lines.length === 1 && lines[0] === '') lines.length = 0;
    return new PlanLines(
      lines,
      lines.map(line => (line.trim() ? JSON.parse(line) : undefined)),
    );
  }

  /** The `update` line of a singleton type. */
  findSingleton(type: string): number | undefined {
    const index = this.ops.findIndex(
      op =>
        op?.['@type'] === 'update' &&
        op.id === undefined &&
        typeName(op.object) === type,
    );
    return index < 0 ? undefined : index;
  }

  /** The line and client id declaring the collection object whose natural key is `naturalKey`. */
  findEntry(
    type: string,
    naturalKey: string,
    labelProperty: string | undefined,
  ): PlanEntry | undefined {
    for (const [index, op] of this.ops.entries()) {
      if (!op || typeName(op.object) !== type) continue;
      if (op['@type'] !== 'upsert' && op['@type'] !== 'create') continue;
      const matchOn: string[] = Array.isArray(op.matchOn)
        ? op.matchOn
        : [labelProperty ?? 'name'];
      for (const [cid, value] of Object.entries(op.value ?? {}))
        if (naturalKeyOf(value as Operation, matchOn) === naturalKey)
          return { index, cid };
    }
    return undefined;
  }

  /** The first `upsert` line of a type, where a new object of it is added. */
  findUpsert(type: string): number | undefined {
    const index = this.ops.findIndex(
      op => op?.['@type'] === 'upsert' && typeName(op.object) === type,
    );
    return index < 0 ? undefined : index;
  }

  /** A copy of one operation, to change and put back with `replace`. */
  operation(index: number): Operation {
    return structuredClone(this.ops[index]!);
  }

  replace(index: number, op: Operation | undefined) {
    this.ops[index] = op;
    if (op) this.lines[index] = JSON.stringify(op);
    else this.removed.add(index);
  }

  append(op: Operation) {
    this.ops.push(op);
    this.lines.push(JSON.stringify(op));
  }

  toString(): string {
    const kept = this.lines.filter((_, i) => !this.removed.has(i));
    return kept.length ? `${kept.join('\n')}\n` : '';
  }
}

/** The plan's spelling of a type: without `x:`, as `stalwart-cli snapshot` writes it. */
export const planObjectName = (type: string) => type.replace(/^x:/, '');
