import { engineForVersion, imageVersion } from './findInstancePods';

describe('the engine an image tag implies', () => {
  it.each([
    ['stalwartlabs/stalwart:v0.15.5', '0.15.5', 'v0.15'],
    ['ghcr.io/stalwartlabs/stalwart:v0.11.8-alpine', '0.11.8', 'v0.15'],
    ['registry:5000/stalwartlabs/stalwart:v0.16.18', '0.16.18', 'v0.16'],
    ['stalwartlabs/stalwart:0.16', '0.16', 'v0.16'],
    ['stalwartlabs/stalwart:v1.0.0', '1.0.0', 'v0.16'],
  ])('%s is version %s, engine %s', (image, version, engine) => {
    expect(imageVersion(image)).toBe(version);
    expect(engineForVersion(imageVersion(image))).toBe(engine);
  });

  it.each([
    'stalwartlabs/stalwart:latest',
    'stalwartlabs/stalwart@sha256:9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b',
    'registry:5000/stalwart',
  ])('%s names no version, so the engine is probed', image => {
    expect(imageVersion(image)).toBeUndefined();
    expect(engineForVersion(imageVersion(image))).toBeUndefined();
  });
});
