import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  compareConfigKeys,
  localKeyPatternsOf,
  parseStalwartToml,
} from '../../toml';

/** The simulator's demo scenario (read, never edited): tools/simulator/scenarios/demo. */
export const DEMO_DIR = path.resolve(
  __dirname,
  '../../../../../tools/simulator/scenarios/demo',
);

export function readDocuments(relative: string): any[] {
  const text = fs.readFileSync(path.join(DEMO_DIR, relative), 'utf8');
  return parseAllDocuments(text)
    .map(d => d.toJS())
    .filter(Boolean);
}

export const findDocument = (docs: any[], kind: string, name?: string) =>
  docs.find(d => d.kind === kind && (!name || d.metadata?.name === name));

// What a fresh server inserts (stalwart-v015.md §2.7; a sample of S boot.rs DEFAULT_SETTINGS
// and the spam-filter download), for scenarios with `serverDefaults: true`.
export const SERVER_INSERTED_SAMPLE: Record<string, string> = {
  'oauth.key':
    'kU3vQ9xLm2Zp7RtY5wEa8NcB1dHf4GjK6sTq0VyXo3IuPl9MnOb2Cz7Aw5De8Fg1',
  'version.spam-filter': '2.0.3',
  'spam-filter.rule.stwt_arc_signed.enable': 'true',
  'lookup.spam-traps.0': 'spamtrap@*',
  'queue.limiter.inbound.sender.key.0': 'sender_domain',
  'queue.limiter.inbound.sender.key.1': 'rcpt',
  'queue.schedule.remote.retry.0': '2m',
  'queue.route.mx.type': 'mx',
  'report.analysis.addresses': 'postmaster@*',
};

export interface SimulatedV015 {
  database: Record<string, string>;
  /** Per pod: text substitutions the init container applies, and local keys edited into its file. */
  pods: Array<{
    name: string;
    substitutions: Record<string, string>;
    fileEdits?: Record<string, string>;
  }>;
}

/**
 * `GET /api/settings/list` as a v0.15 pod answers it (stalwart-v015.md §2.1): database keys
 * that match no local pattern, then every key of the pod's own config.toml over them (the file
 * always wins), in key order, values as raw text (no macro expansion, no masking, §2.6).
 */
export function settingsListV015(
  configToml: string,
  server: SimulatedV015,
  podName: string,
): Record<string, string> {
  const pod = server.pods.find(p => p.name === podName)!;
  let text = configToml;
  for (const [from, to] of Object.entries(pod.substitutions))
    text = text.split(from).join(to);
  const file = { ...parseStalwartToml(text), ...pod.fileEdits };
  const patterns = localKeyPatternsOf(file);
  const merged: Record<string, string> = {};
  for (const [key, value] of Object.entries(server.database))
    if (!patterns.isLocal(key)) merged[key] = value;
  Object.assign(merged, file);
  return Object.fromEntries(
    Object.keys(merged)
      .sort(compareConfigKeys)
      .map(k => [k, merged[k]]),
  );
}
