import { startTestBackend } from '@backstage/backend-test-utils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { stalwartScaffolderModule } from './module';

describe('stalwartScaffolderModule', () => {
  it('registers with the scaffolder actions extension point', async () => {
    const addActions = jest.fn();
    await startTestBackend({
      extensionPoints: [[scaffolderActionsExtensionPoint, { addActions }]],
      features: [stalwartScaffolderModule],
    });

    expect(addActions).toHaveBeenCalled();
  });
});
