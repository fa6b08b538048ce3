import { parseSettingsPlanOperations } from './planFile';
import { writeSettingsPlan } from './planWriter';

// docs/stalwart-api-facts.md "Plan format": the lines stalwart-cli apply reads.
describe('writeSettingsPlan', () => {
  it('writes one operation a line with @type, object, id or matchOn, then value, whatever order the keys came in (api-facts "Plan format")', () => {
    expect(
      writeSettingsPlan([
        { value: {}, object: 'MtaRoute', '@type': 'destroy' },
        {
          value: { '#relay': { name: 'relay' } },
          object: 'MtaRoute',
          '@type': 'create',
        },
        {
          value: { description: 'Relay' },
          id: '#relay',
          object: 'MtaRoute',
          '@type': 'update',
        },
        {
          value: { imap: { protocol: 'imap' } },
          matchOn: ['protocol'],
          object: 'NetworkListener',
          '@type': 'upsert',
        },
        { '@type': 'update', object: 'SystemSettings', value: { a: 1 } },
      ]),
    ).toBe(
      [
        '{"@type":"destroy","object":"MtaRoute","value":{}}',
        '{"@type":"create","object":"MtaRoute","value":{"#relay":{"name":"relay"}}}',
        '{"@type":"update","object":"MtaRoute","id":"#relay","value":{"description":"Relay"}}',
        '{"@type":"upsert","object":"NetworkListener","matchOn":["protocol"],"value":{"imap":{"protocol":"imap"}}}',
        '{"@type":"update","object":"SystemSettings","value":{"a":1}}',
        '',
      ].join('\n'),
    );
  });

  it('leaves out a destroy filter that is absent or null, which the CLI reads as every object (api-facts "Plan format": destroy)', () => {
    expect(
      writeSettingsPlan([
        { '@type': 'destroy', object: 'Certificate', value: null },
        { '@type': 'destroy', object: 'Certificate' },
      ]),
    ).toBe(
      '{"@type":"destroy","object":"Certificate"}\n{"@type":"destroy","object":"Certificate"}\n',
    );
  });

  it('writes what the parser reads back unchanged', () => {
    const plan = [
      '{"@type":"destroy","object":"NetworkListener","value":{"port":143}}',
      '{"@type":"create","object":"NetworkListener","value":{"imaps":{"name":"imaps","port":993}}}',
      '{"@type":"update","object":"NetworkListener","id":"b4k2","value":{"tlsImplicit":true}}',
      '',
    ].join('\n');
    expect(writeSettingsPlan(parseSettingsPlanOperations(plan))).toBe(plan);
  });

  it('writes nothing for an empty plan', () => {
    expect(writeSettingsPlan([])).toBe('');
  });
});
