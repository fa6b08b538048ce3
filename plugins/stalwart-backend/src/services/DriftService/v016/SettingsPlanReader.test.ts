import type { UrlReaderService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  SettingsPlanReader,
  SettingsPlanUnavailableError,
} from './SettingsPlanReader';

const PLAN = '{"@type":"update","object":"SystemSettings","value":{}}\n';

const entityAt = (location: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'mail',
    annotations: { 'backstage.io/managed-by-location': location },
  },
});

describe('SettingsPlanReader', () => {
  let root: string;
  let fleet: string;
  const urlReader: jest.Mocked<UrlReaderService> = {
    readUrl: jest.fn(),
    readTree: jest.fn(),
    search: jest.fn(),
  };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-reader-'));
    fleet = path.join(root, 'fleet');
    fs.mkdirSync(path.join(fleet, 'edge/mail'), { recursive: true });
    fs.writeFileSync(path.join(fleet, 'edge/mail/settings-plan.ndjson'), PLAN);
    fs.writeFileSync(path.join(root, 'settings-plan.ndjson'), PLAN);
  });

  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('reads the plan beside a file-registered catalog file inside a configured directory', async () => {
    const reader = new SettingsPlanReader(urlReader, [fleet]);
    const catalogFile = path.join(fleet, 'edge/mail/catalog-info.yaml');

    await expect(reader.read(entityAt(`file:${catalogFile}`))).resolves.toEqual(
      {
        url: `file://${path.join(fleet, 'edge/mail/settings-plan.ndjson')}`,
        text: PLAN,
      },
    );
    expect(urlReader.readUrl).not.toHaveBeenCalled();
  });

  it('refuses a file location outside the configured directories, and any when none is configured', async () => {
    const outside = entityAt(`file:${path.join(root, 'catalog-info.yaml')}`);
    await expect(
      new SettingsPlanReader(urlReader, [fleet]).read(outside),
    ).rejects.toThrow(
      /registered from a file location outside stalwart\.drift\.planDirectories/,
    );
    const inside = entityAt(
      `file:${path.join(fleet, 'edge/mail/catalog-info.yaml')}`,
    );
    await expect(
      new SettingsPlanReader(urlReader).read(inside),
    ).rejects.toThrow(SettingsPlanUnavailableError);
  });

  it('does not follow a plan that is a symbolic link out of the configured directory', async () => {
    const folder = path.join(fleet, 'edge/linked');
    fs.mkdirSync(folder);
    fs.symlinkSync(
      path.join(root, 'settings-plan.ndjson'),
      path.join(folder, 'settings-plan.ndjson'),
    );
    const reader = new SettingsPlanReader(urlReader, [fleet]);

    await expect(
      reader.read(entityAt(`file:${path.join(folder, 'catalog-info.yaml')}`)),
    ).rejects.toThrow(/could not be read: it resolves outside/);
  });

  it('names the missing file when the folder has no plan', async () => {
    const reader = new SettingsPlanReader(urlReader, [fleet]);
    fs.mkdirSync(path.join(fleet, 'edge/empty'));

    await expect(
      reader.read(
        entityAt(`file:${path.join(fleet, 'edge/empty/catalog-info.yaml')}`),
      ),
    ).rejects.toThrow(/edge\/empty\/settings-plan\.ndjson could not be read/);
  });

  it('still reads url locations through the UrlReader', async () => {
    urlReader.readUrl.mockResolvedValueOnce({
      buffer: async () => Buffer.from(PLAN),
      etag: 'e1',
    });
    const reader = new SettingsPlanReader(urlReader, [fleet]);

    await expect(
      reader.read(
        entityAt('url:https://git.example.org/fleet/catalog-info.yaml'),
      ),
    ).resolves.toEqual({
      url: 'https://git.example.org/fleet/settings-plan.ndjson',
      text: PLAN,
    });
  });
});
