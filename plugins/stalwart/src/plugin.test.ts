import { stalwartPlugin } from './plugin';

describe('stalwartPlugin', () => {
  it('is a frontend plugin with the stalwart id', () => {
    expect(stalwartPlugin.id).toBe('stalwart');
  });
});
