import { isResourcePermission } from '@backstage/plugin-permission-common';
import {
  stalwartInstanceReadPermission,
  stalwartPermissions,
  stalwartSettingsResetPermission,
} from './permissions';

describe('stalwart permissions', () => {
  it('are resource permissions on catalog entities so policies can use ownership', () => {
    for (const permission of stalwartPermissions) {
      expect(isResourcePermission(permission, 'catalog-entity')).toBe(true);
    }
  });

  it('have unique names in the stalwart namespace', () => {
    const names = stalwartPermissions.map(p => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.every(n => n.startsWith('stalwart.'))).toBe(true);
  });

  it('separate reading status from resetting settings', () => {
    expect(stalwartInstanceReadPermission.attributes.action).toBe('read');
    expect(stalwartSettingsResetPermission.attributes.action).toBe('update');
  });
});
