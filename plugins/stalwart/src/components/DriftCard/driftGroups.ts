import type {
  DriftClass,
  DriftExplanationId,
  DriftItemV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import { parseDriftValue, readableLines } from '../common/values/readableValue';

/**
 * The items that belong together: a v0.16 registry object (`NetworkListener[smtp]`) or a
 * v0.15 config section (`server.listener.smtp.*`), as the backend resets them together.
 */
export interface DriftGroup {
  key: string;
  title: string;
  items: DriftItemV1[];
  classes: DriftClass[];
  /** Said once for the group rather than on every row. */
  explanations: DriftExplanationId[];
}

/** One changed field: a path inside the group and its declared and live text. */
export interface DriftFieldLine {
  item: DriftItemV1;
  /** The field below the group (`bind`, `match/0/then`), or the whole object. */
  path: string;
  declared?: string;
  live?: string;
}

const typeName = (type: string) => type.replace(/^x:/, '');

function groupOf(item: DriftItemV1): { key: string; title: string } {
  if (item.object) {
    const { type, naturalKey, id } = item.object;
    const which = naturalKey ?? id;
    const title =
      which && which !== 'singleton'
        ? `${typeName(type)}[${which}]`
        : typeName(type);
    return { key: item.group, title };
  }
  return { key: item.group, title: item.group ? `${item.group}.*` : '(root)' };
}

const unique = <T>(values: T[]) => [...new Set(values)];

/** Groups items in order of first appearance; the backend already orders them by importance. */
export function groupDriftItems(items: DriftItemV1[]): DriftGroup[] {
  const groups = new Map<string, DriftGroup>();
  for (const item of items) {
    const { key, title } = groupOf(item);
    let group = groups.get(key);
    if (!group) {
      group = { key, title, items: [], classes: [], explanations: [] };
      groups.set(key, group);
    }
    group.items.push(item);
  }
  return [...groups.values()].map(g => ({
    ...g,
    classes: unique(g.items.map(i => i.class)),
    explanations: unique(g.items.map(i => i.explanation)),
  }));
}

/** The item's own name below its group: the field, or the key's tail. */
function itemPath(item: DriftItemV1): string {
  if (item.object) return item.object.field ?? '';
  const key = item.key ?? item.id;
  return item.group && key.startsWith(`${item.group}.`)
    ? key.slice(item.group.length + 1)
    : key;
}

function join(base: string, path: string) {
  if (!base) return path;
  return path ? `${base}/${path}` : base;
}

/**
 * An item as field lines: a v0.16 value that holds nested data is split into its leaves and
 * only the leaves that differ are kept, so a changed route reads `match/0/then: local → relay`.
 */
export function fieldLines(item: DriftItemV1): DriftFieldLine[] {
  const base = itemPath(item);
  const json = item.object !== undefined;
  if (item.masked) return [{ item, path: base }];
  const leaves = (text?: string) =>
    text === undefined
      ? new Map<string, string>()
      : new Map(
          readableLines(parseDriftValue(text, json)).map(l => [l.path, l.text]),
        );
  const declared = leaves(item.declared);
  const live = leaves(item.live);
  const paths = unique([...declared.keys(), ...live.keys()]);
  const changed = paths.filter(p => declared.get(p) !== live.get(p));
  const shown = changed.length > 0 ? changed : paths;
  if (shown.length === 0) return [{ item, path: base }];
  return shown.map(p => ({
    item,
    path: join(base, p),
    declared: declared.get(p),
    live: live.get(p),
  }));
}
