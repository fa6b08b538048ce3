import type { DriftItemV1 } from '@stalwart-backstage/plugin-stalwart-common';
import { AdoptionRefused } from '../types';

type SpecDocument = Record<string, any>;

/** How one family of config.toml keys comes from the instance spec, as every renderer renders it. */
interface KeyRule {
  pattern: RegExp;
  /** The spec field, for messages. */
  field: string;
  /** Changes the spec document so that it renders the item's live value (or stops declaring it). */
  adopt(spec: SpecDocument, item: DriftItemV1, match: RegExpMatchArray): void;
}

function listOf(spec: SpecDocument, path: [string, string]): string[] {
  spec[path[0]] ??= {};
  spec[path[0]][path[1]] ??= [];
  return spec[path[0]][path[1]];
}

/** A list field whose entries each render one key: add the live entry, or drop the declared one. */
function listRule(
  pattern: RegExp,
  path: [string, string],
  entryOf: (item: DriftItemV1, match: RegExpMatchArray) => string | undefined,
): KeyRule {
  return {
    pattern,
    field: path.join('.'),
    adopt(spec, item, match) {
      const list = listOf(spec, path);
      if (item.class === 'missing-live') {
        const declared =
          item.declared === undefined
            ? undefined
            : entryOf({ ...item, live: item.declared }, match);
        const at = declared === undefined ? -1 : list.indexOf(declared);
        if (at < 0)
          throw new AdoptionRefused(
            `${item.key}: the spec's ${path.join('.')} does not list it`,
          );
        list.splice(at, 1);
        return;
      }
      const entry = entryOf(item, match);
      if (entry === undefined)
        throw new AdoptionRefused(
          `${item.key}: no live value to add to ${path.join('.')}`,
        );
      if (!list.includes(entry)) list.push(entry);
    },
  };
}

// The keys the spec reaches in config.toml on every v0.15 chart (render/values/*: the charts'
// config templates render `server.hostname`, `[server.allowed-ip]` and `server.proxy.trusted-networks`).
const RULES: KeyRule[] = [
  {
    pattern: /^server\.hostname$/,
    field: 'hostname',
    adopt(spec, item) {
      if (item.class === 'missing-live' || item.live === undefined)
        throw new AdoptionRefused(
          `${item.key}: the spec's hostname is required and cannot be removed`,
        );
      spec.hostname = item.live;
    },
  },
  listRule(
    /^server\.allowed-ip\.(.+)$/,
    ['proxy', 'allowedIps'],
    (_, match) => match[1],
  ),
  listRule(
    /^server\.proxy\.trusted-networks(\.\d+)?$/,
    ['proxy', 'trustedNetworks'],
    item => item.live,
  ),
];

/**
 * The spec field that renders a key, when there is one.
 *
 * @public
 */
export function specFieldOfKey(key: string): string | undefined {
  return RULES.find(rule => rule.pattern.test(key))?.field;
}

/** Changes `spec` to declare the item's live value; refuses a key no spec field renders. */
export function adoptKeyIntoSpec(spec: SpecDocument, item: DriftItemV1): void {
  const key = item.key;
  if (!key) throw new AdoptionRefused(`${item.id} names no config.toml key`);
  for (const rule of RULES) {
    const match = key.match(rule.pattern);
    if (match) {
      rule.adopt(spec, item, match);
      return;
    }
  }
  throw new AdoptionRefused(
    `${key}: no instance spec field renders this key into config.toml (the spec reaches ${RULES.map(
      r => r.field,
    ).join(
      ', ',
    )}), so the chart values cannot declare it; keep it in the settings database or reset it to git`,
  );
}
