import { renderInTestApp } from '@backstage/frontend-test-utils';
import { exampleInstanceSpec } from '@stalwart-backstage/plugin-stalwart-charts';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SpecPreviewField } from './SpecPreviewField';
import { validateSpecPreview } from './validateSpecPreview';

function fieldProps(formData: object, options: object = {}) {
  return {
    name: 'preview',
    schema: { title: 'Preview', type: 'null' },
    uiSchema: { 'ui:options': options },
    formContext: { formData },
    formData: undefined,
    onChange: jest.fn(),
    idSchema: { $id: 'root_preview' },
    rawErrors: [],
    required: false,
    disabled: false,
    readonly: false,
    errorSchema: {},
    registry: {},
  } as any;
}

describe('SpecPreviewField', () => {
  it('lists every problem of the form as path: message lines', async () => {
    const spec = {
      ...exampleInstanceSpec('hiroba'),
      hostname: 'mail example.com',
      replicas: 'three',
    };
    await renderInTestApp(<SpecPreviewField {...fieldProps(spec)} />);

    const problems = await screen.findByRole('list', { name: 'Spec problems' });
    const lines = within(problems)
      .getAllByRole('listitem')
      .map(li => li.textContent);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^hostname: /),
        expect.stringMatching(/^replicas: /),
      ]),
    );
  });

  it('renders values.yaml and the GitOps manifests of a valid form with the shared renderer', async () => {
    const spec = exampleInstanceSpec('hiroba', 'flux');
    await renderInTestApp(
      <SpecPreviewField
        {...fieldProps(
          { ...spec, repoPicker: 'github.com?owner=x' },
          { exclude: ['repoPicker'] },
        )}
      />,
    );

    const tabs = await screen.findByRole(
      'tablist',
      { name: 'Rendered files' },
      { timeout: 25_000 },
    );
    const names = within(tabs)
      .getAllByRole('tab')
      .map(t => t.textContent);
    expect(names).toEqual(
      expect.arrayContaining([
        'values.yaml',
        'helm-release.yaml',
        'kustomization.yaml',
      ]),
    );
    expect(
      screen.getByLabelText(`Contents of ${names[0]}`).textContent,
    ).not.toHaveLength(0);

    await userEvent.click(
      within(tabs).getByRole('tab', { name: 'helm-release.yaml' }),
    );
    expect(
      screen.getByLabelText('Contents of helm-release.yaml'),
    ).toHaveTextContent('kind: HelmRelease');
  });
});

describe('validateSpecPreview', () => {
  it('adds one error per problem and none for a valid spec', async () => {
    const errors: string[] = [];
    const field = { addError: (e: string) => errors.push(e) } as any;
    const context = (formData: object) => ({
      apiHolder: {} as any,
      formData: formData as any,
      schema: {},
    });

    await validateSpecPreview(
      undefined,
      field,
      context(exampleInstanceSpec('kgrubb')),
    );
    expect(errors).toEqual([]);

    await validateSpecPreview(
      undefined,
      field,
      context({ ...exampleInstanceSpec('kgrubb'), name: 'Not_A_Name' }),
    );
    expect(errors).toEqual([expect.stringMatching(/^name: /)]);
  });
});
