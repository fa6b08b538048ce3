import { ObjectStore } from './ObjectStore';
import { ResourceRegistry } from './ResourceRegistry';
import { validateFields } from './fieldValidation';
import { openApiV3Document, openApiV3Index } from './openapiDocuments';
import { crdFor } from './resourceTypes';

const registry = () => new ResourceRegistry(new ObjectStore(() => new Date()));
const deploymentType = () => registry().find('apps', 'v1', 'deployments')!;

describe('validateFields', () => {
  const bad = { apiVersion: 'apps/v1', kind: 'Deployment', spec: { foo: 1 } };

  it('refuses an undeclared spec field with Strict, worded as kube-apiserver decodes', () => {
    const outcome = validateFields(
      deploymentType(),
      bad,
      'Strict',
      'application/json',
    );
    expect(outcome).toEqual({
      status: expect.objectContaining({
        code: 400,
        reason: 'BadRequest',
        message:
          'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.foo"',
      }),
    });
  });

  it('words server-side apply refusals as field not declared in schema', () => {
    const outcome = validateFields(
      deploymentType(),
      bad,
      'Strict',
      'application/apply-patch+yaml',
    );
    expect(outcome).toEqual({
      status: expect.objectContaining({
        message: '.spec.foo: field not declared in schema',
      }),
    });
  });

  it('only warns without a directive and says nothing with Ignore', () => {
    const type = deploymentType();
    expect(validateFields(type, bad, null, 'application/json')).toEqual({
      warnings: ['unknown field "spec.foo"'],
    });
    expect(validateFields(type, bad, 'Ignore', 'application/json')).toEqual({
      warnings: [],
    });
  });

  it('follows the openAPIV3Schema of a CRD-defined kind', () => {
    const crd = crdFor(registry().find('apps', 'v1', 'deployments')!);
    crd.metadata.name = 'widgets.example.com';
    crd.spec.group = 'example.com';
    crd.spec.names = { kind: 'Widget', plural: 'widgets', singular: 'widget' };
    crd.spec.versions[0].schema.openAPIV3Schema = {
      type: 'object',
      properties: {
        spec: { type: 'object', properties: { size: { type: 'integer' } } },
      },
    };
    const store = new ObjectStore(() => new Date());
    store.create(ResourceRegistry.crdType, crd);
    const widget = new ResourceRegistry(store).find(
      'example.com',
      'v1',
      'widgets',
    )!;
    const object = {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: {},
    };
    expect(
      validateFields(widget, { ...object, spec: { size: 2 } }, 'Strict', ''),
    ).toEqual({ warnings: [] });
    expect(
      validateFields(
        widget,
        { ...object, spec: { colour: 'red' } },
        'Warn',
        '',
      ),
    ).toEqual({ warnings: ['unknown field "spec.colour"'] });
  });
});

describe('OpenAPI v3 documents', () => {
  it('indexes every group-version with a hashed server-relative URL', () => {
    const { paths } = openApiV3Index(registry());
    expect(paths['api/v1'].serverRelativeURL).toMatch(
      /^\/openapi\/v3\/api\/v1\?hash=[0-9A-F]{128}$/,
    );
    expect(Object.keys(paths)).toEqual(
      expect.arrayContaining([
        'apis/apps/v1',
        'apis/rbac.authorization.k8s.io/v1',
      ]),
    );
  });

  it('declares fieldValidation on PATCH with the kind, as kubectl checks before validating server-side', () => {
    const document = openApiV3Document(registry(), 'apps', 'v1')!;
    const patch =
      document.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}']
        .patch;
    expect(patch['x-kubernetes-group-version-kind']).toEqual({
      group: 'apps',
      version: 'v1',
      kind: 'Deployment',
    });
    expect(patch.parameters.map((p: any) => p.name)).toContain(
      'fieldValidation',
    );
    const schema = document.components.schemas['io.k8s.api.apps.v1.Deployment'];
    expect(Object.keys(schema.properties ?? {})).toEqual(
      expect.arrayContaining(['apiVersion', 'kind', 'metadata', 'spec']),
    );
  });

  it('serves no document for a group-version nobody registered', () => {
    expect(openApiV3Document(registry(), 'nope.io', 'v1')).toBeUndefined();
  });
});
