import type { Entity } from '@backstage/catalog-model';
import { isInstanceOwner } from './rules';

const instance: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'mail', namespace: 'default' },
  spec: { owner: 'group:default/mail-team' },
  relations: [{ type: 'ownedBy', targetRef: 'group:default/mail-team' }],
};

describe('isInstanceOwner', () => {
  it('allows a user whose ownership claims include the owning group', () => {
    expect(
      isInstanceOwner.apply(instance, {
        claims: ['user:default/ana', 'group:default/mail-team'],
      }),
    ).toBe(true);
  });

  it('denies a user who owns nothing of the instance', () => {
    expect(
      isInstanceOwner.apply(instance, {
        claims: ['user:default/bob', 'group:default/web-team'],
      }),
    ).toBe(false);
  });

  it('does not treat other relations as ownership', () => {
    expect(
      isInstanceOwner.apply(
        {
          ...instance,
          relations: [
            { type: 'dependsOn', targetRef: 'group:default/mail-team' },
          ],
        },
        { claims: ['group:default/mail-team'] },
      ),
    ).toBe(false);
  });

  it('filters the catalog by the ownedBy relation', () => {
    expect(
      isInstanceOwner.toQuery({ claims: ['group:default/mail-team'] }),
    ).toEqual({
      key: 'relations.ownedBy',
      values: ['group:default/mail-team'],
    });
  });
});
