import { InputError } from '@backstage/errors';
import { getChartFlavor } from '@stalwart-backstage/plugin-stalwart-charts';
import { createSpecValidateAction } from './specValidate';
import { minimalSpec } from './exampleSpecs';
import {
  actionContext,
  listFiles,
  temporaryDirectory,
} from '../__testUtils__/actionTesting';

describe('stalwart:spec:validate', () => {
  const action = createSpecValidateAction();
  const tmp = temporaryDirectory();
  afterAll(tmp.cleanup);

  it('outputs the spec with defaults applied and the names later steps need', async () => {
    const { ctx, outputs } = actionContext(
      { spec: minimalSpec as any },
      `${tmp.dir}/ok`,
    );
    await action.handler(ctx);
    const out = outputs();
    expect(out).toMatchObject({
      name: 'mail-demo',
      namespace: 'mail',
      path: 'clusters/local/mail-demo',
      branch: 'stalwart/mail-demo',
      entityRef: 'component:default/mail-demo',
      chart: 'hiroba',
      chartVersion: getChartFlavor('hiroba').chartVersion,
      engine: 'flux',
      stalwartGeneration: 'v0.16',
    });
    expect(out.spec).toMatchObject({
      replicas: 1,
      update: false,
      gitops: { interval: '30m' },
    });
    expect(listFiles(`${tmp.dir}/ok`)).toEqual([]);
  });

  it.each([
    [
      'an invalid name',
      { name: 'Mail_Demo' },
      /^Invalid instance spec:\nname: must be a DNS-1123 label/m,
    ],
    [
      'a hostname with a newline',
      { hostname: 'mail.example.com\nx' },
      /^hostname: must be a fully qualified/m,
    ],
    [
      'a hostname with a space',
      { hostname: 'mail example.com' },
      /^hostname: must be a fully qualified/m,
    ],
    [
      'a path escaping the repository',
      { gitops: { engine: 'flux', path: '../x' } },
      /^gitops\.path: must be a relative POSIX path/m,
    ],
    [
      'an unknown chart',
      { chart: 'bitnami' },
      /^chart: must be one of antigenic, olsontech, hiroba, kgrubb/m,
    ],
  ])(
    'refuses %s with an InputError naming the field',
    async (_, change, message) => {
      const { ctx, outputs } = actionContext(
        { spec: { ...minimalSpec, ...change } as any },
        `${tmp.dir}/bad`,
      );
      const error = await action.handler(ctx).catch(e => e);
      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toMatch(message);
      expect(outputs()).toEqual({});
    },
  );
});
