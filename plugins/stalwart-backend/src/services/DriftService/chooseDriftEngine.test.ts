import type { StalwartPodConnection } from '../StalwartConnection/types';
import { chooseDriftEngine } from './chooseDriftEngine';

function pod(
  name: string,
  engine: 'v0.15' | 'v0.16' | undefined,
  engineFromImage?: 'v0.15' | 'v0.16',
): StalwartPodConnection {
  const base = {
    pod: {
      cluster: 'c',
      namespace: 'mail',
      name,
      uid: name,
      running: true,
      ready: true,
      managementPort: 8080,
      ...(engineFromImage ? { engineFromImage } : {}),
    },
  };
  if (engine === 'v0.15') return { ...base, engine, client: {} as any };
  if (engine === 'v0.16')
    return {
      ...base,
      engine,
      client: {} as any,
      version: { schemaHash: 'h', versions: ['v0.16.1'] },
    };
  return { ...base, error: new Error('unreachable') as any };
}

describe('chooseDriftEngine', () => {
  it('follows the engine most reachable pods speak, whatever the chart declares', () => {
    expect(
      chooseDriftEngine(
        [pod('a', 'v0.15'), pod('b', 'v0.15'), pod('c', 'v0.16')],
        'v0.16',
      ),
    ).toBe('v0.15');
  });

  it('gives a tie to the generation the chart declares, so one odd pod does not flip the report', () => {
    expect(
      chooseDriftEngine([pod('a', 'v0.15'), pod('b', 'v0.16')], 'v0.16'),
    ).toBe('v0.16');
    expect(
      chooseDriftEngine([pod('a', 'v0.16'), pod('b', 'v0.15')], 'v0.15'),
    ).toBe('v0.15');
  });

  it('falls back on the chart, then on image tags, when no pod is reachable', () => {
    const unreachable = [pod('a', undefined, 'v0.15')];
    expect(chooseDriftEngine(unreachable, 'v0.16')).toBe('v0.16');
    expect(chooseDriftEngine(unreachable, undefined)).toBe('v0.15');
    expect(chooseDriftEngine([pod('a', undefined)], undefined)).toBeUndefined();
  });
});
