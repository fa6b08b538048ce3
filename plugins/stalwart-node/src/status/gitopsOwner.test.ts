import { findOwningApplication, findOwningHelmRelease } from './gitopsOwner';
import type {
  ApplicationObject,
  HelmReleaseObject,
  StatefulSetObject,
} from '@stalwart-backstage/plugin-stalwart-common';
import helmReleaseFixture from './__fixtures__/helmrelease.json';
import applicationFixture from './__fixtures__/application.json';
import statefulSetFixture from './__fixtures__/statefulset.json';

const helmRelease = helmReleaseFixture as HelmReleaseObject;
const application = applicationFixture as ApplicationObject;
const statefulSet = statefulSetFixture as StatefulSetObject;

const other: HelmReleaseObject = {
  ...helmRelease,
  metadata: { ...helmRelease.metadata, name: 'other' },
  spec: { ...helmRelease.spec!, releaseName: 'other' },
};

describe('findOwningHelmRelease', () => {
  it('follows the labels helm-controller puts on the workload', () => {
    expect(
      findOwningHelmRelease([other, helmRelease], {
        release: 'mail',
        namespace: 'mail',
        workload: statefulSet,
      }),
    ).toBe(helmRelease);
  });

  it('falls back to the default release name of a HelmRelease with a target namespace', () => {
    const inFluxSystem: HelmReleaseObject = {
      ...helmRelease,
      metadata: {
        ...helmRelease.metadata,
        namespace: 'flux-system',
        name: 'stalwart',
      },
      spec: {
        ...helmRelease.spec!,
        releaseName: undefined,
        targetNamespace: 'mail',
      },
    };
    expect(
      findOwningHelmRelease([other, inFluxSystem], {
        release: 'mail-stalwart',
        namespace: 'mail',
      }),
    ).toBe(inFluxSystem);
  });

  it('finds nothing for a release no HelmRelease installs', () => {
    expect(
      findOwningHelmRelease([other], { release: 'mail', namespace: 'mail' }),
    ).toBeUndefined();
  });
});

describe('findOwningApplication', () => {
  it('matches the destination namespace and Helm release name', () => {
    expect(
      findOwningApplication([application], {
        release: 'stalwart',
        namespace: 'stalwart',
      }),
    ).toBe(application);
    expect(
      findOwningApplication([application], {
        release: 'stalwart',
        namespace: 'elsewhere',
      }),
    ).toBeUndefined();
  });

  it('follows the tracking annotation of an Application in another namespace', () => {
    const teamApp: ApplicationObject = {
      ...application,
      metadata: {
        ...application.metadata,
        name: 'mail-prod',
        namespace: 'team-a',
      },
      spec: { ...application.spec!, destination: { namespace: 'other' } },
    };
    const tracked: StatefulSetObject = {
      ...statefulSet,
      metadata: {
        ...statefulSet.metadata,
        annotations: {
          'argocd.argoproj.io/tracking-id':
            'team-a_mail-prod:apps/StatefulSet:mail/mail-antigenic-stalwart-helm-chart',
        },
      },
    };
    expect(
      findOwningApplication([application, teamApp], {
        release: 'mail',
        namespace: 'mail',
        workload: tracked,
      }),
    ).toBe(teamApp);
  });
});
