import { resolve } from 'node:path';
import { loadScenario } from './loadScenario';
import { scenarioSecretValues } from './scenarioSecretValues';

const DEMO = resolve(__dirname, '../../scenarios/demo');

describe('scenarioSecretValues', () => {
  const values = scenarioSecretValues(loadScenario(DEMO));

  it('holds the env values secret macros expand to and the API keys', () => {
    expect(values).toEqual(
      expect.arrayContaining([
        'demo-admin-secret',
        'demo-postgres-password',
        'demo-backstage-api-key',
      ]),
    );
  });

  it('holds a database setting whose key says it is a secret', () => {
    expect(values).toContain('re_demo_resend_api_key');
  });

  it('holds Secret data both base64-encoded and decoded', () => {
    const decoded = values.filter(v =>
      values.includes(Buffer.from(v, 'utf8').toString('base64')),
    );
    expect(decoded.length).toBeGreaterThan(0);
  });

  it('leaves out references to where a secret lives, which are shown on purpose', () => {
    expect(values.some(v => v.startsWith('%{env:'))).toBe(false);
    expect(values.every(v => v.length >= 8)).toBe(true);
  });
});
