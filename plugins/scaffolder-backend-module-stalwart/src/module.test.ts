import { startTestBackend, mockServices } from '@backstage/backend-test-utils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { stalwartScaffolderModule } from './module';

describe('stalwartScaffolderModule', () => {
  it('registers the validate, render and local publish actions with the scaffolder', async () => {
    const addActions = jest.fn();
    await startTestBackend({
      extensionPoints: [[scaffolderActionsExtensionPoint, { addActions }]],
      features: [
        stalwartScaffolderModule,
        mockServices.rootConfig.factory({
          data: { stalwart: { gitops: { localRepository: '/tmp/unused' } } },
        }),
      ],
    });

    const ids = addActions.mock.calls.flat().map(action => action.id);
    expect(ids).toEqual([
      'stalwart:spec:validate',
      'stalwart:values:render',
      'stalwart:gitops:render',
      'stalwart:catalog:render',
      'stalwart:publish:local',
    ]);
    for (const action of addActions.mock.calls.flat()) {
      expect(action.supportsDryRun).toBe(true);
      expect(action.schema.input.properties.spec).toBeDefined();
      expect(action.examples.length).toBeGreaterThan(0);
    }
  });
});
