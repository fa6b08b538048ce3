import type { UrlReaderService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LocalFleetRepository } from '@stalwart-backstage/plugin-scaffolder-backend-module-stalwart';
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

  describe('with planSource localRepository', () => {
    beforeEach(() => urlReader.readUrl.mockReset());
    const annotated = (gitopsPath?: string): Entity => {
      const entity = entityAt(
        'url:https://git.example.org/x/catalog-info.yaml',
      );
      if (gitopsPath)
        entity.metadata.annotations!['stalwart.io/gitops-path'] = gitopsPath;
      return entity;
    };
    const readerOn = async (branchPlan: string) => {
      const repo = await LocalFleetRepository.open({
        dir: path.join(root, 'repo'),
        defaultBranch: 'main',
      });
      await repo.propose({
        branch: 'main',
        folder: 'edge/mail',
        files: [{ path: 'settings-plan.ndjson', content: branchPlan }],
        update: true,
        message: 'seed',
        author: { name: 't', email: 't@example.invalid' },
      });
      return new SettingsPlanReader(urlReader, [], {
        repository: async () => repo,
        defaultBranch: 'main',
      });
    };

    it('reads the plan of the instance folder on the default branch, not beside the catalog file', async () => {
      const reader = await readerOn(`${PLAN}{"@type":"update"}\n`);

      const read = await reader.read(annotated('edge/mail'));
      expect(read.text).toBe(`${PLAN}{"@type":"update"}\n`);
      expect(read.url).toMatch(
        /\/-\/blob\/main\/edge\/mail\/settings-plan\.ndjson$/,
      );
      expect(urlReader.readUrl).not.toHaveBeenCalled();
    });

    it('says the plan is unavailable when the folder is not on the branch, or unknown', async () => {
      const reader = await readerOn(PLAN);

      await expect(reader.read(annotated('edge/other'))).rejects.toThrow(
        /edge\/other\/settings-plan\.ndjson could not be read from the local fleet repository: No file/,
      );
      await expect(reader.read(annotated())).rejects.toThrow(
        /set the stalwart\.io\/gitops-path annotation/,
      );
    });
  });
});
