import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AdmZip from 'adm-zip';
import {
  ICONS,
  TEAMS_DIR,
  TeamsPackageError,
  buildTeamsPackage,
  bundledSchemaPath,
  fillManifest,
  validateManifest,
} from '../../scripts/packageTeams';
import { decodePng, encodePng } from '../../scripts/png';

const BOT_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const ENV = { MICROSOFT_APP_ID: BOT_ID, BOT_DOMAIN: 'crampbot-test.azurewebsites.net' };
const template = readFileSync(join(TEAMS_DIR, 'manifest.json'), 'utf8');

describe('the Teams app manifest', () => {
  it('pins a manifest schema of version 1.25 or newer, and that schema is bundled for offline checks', () => {
    const manifest = JSON.parse(template) as { manifestVersion: string; $schema: string };
    const [major, minor] = manifest.manifestVersion.split('.').map(Number);
    expect(major === 1 && minor >= 25).toBe(true);
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
    expect(() => readFileSync(bundledSchemaPath(manifest.manifestVersion))).not.toThrow();
  });

  it('is valid against the bundled schema once its placeholders are filled', async () => {
    const manifest = fillManifest(template, { BOT_ID, TEAMS_APP_ID: BOT_ID, BOT_DOMAIN: ENV.BOT_DOMAIN });
    expect(await validateManifest(manifest)).toEqual([]);
    const bot = (manifest.bots as Array<{ botId: string; scopes: string[] }>)[0];
    expect(bot.botId).toBe(BOT_ID);
    expect(bot.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
  });

  it('is caught by the schema check when it breaks a rule (a short name over 30 characters)', async () => {
    const manifest = fillManifest(template, { BOT_ID, TEAMS_APP_ID: BOT_ID, BOT_DOMAIN: ENV.BOT_DOMAIN });
    const errors = await validateManifest({ ...manifest, name: { short: 'crampbot, the leg cramp assistant for Teams' } });
    expect(errors.join('\n')).toMatch(/name\/short/);
  });

  it('writes the committed icons again byte for byte (the PNG writer, its zlib.crc32 checksums included)', () => {
    for (const name of ['color.png', 'outline.png']) {
      const file = readFileSync(join(TEAMS_DIR, name));
      expect(encodePng(decodePng(file)).equals(file)).toBe(true);
    }
  });

  it('has a 192×192 colour icon and a 32×32 outline icon that is white on transparent', () => {
    const color = decodePng(readFileSync(join(TEAMS_DIR, 'color.png')));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect(new Set(Array.from({ length: color.width * color.height }, (_, i) => color.pixels[i * 4 + 3]))).toEqual(new Set([255]));

    const outline = decodePng(readFileSync(join(TEAMS_DIR, 'outline.png')));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let transparent = 0;
    let white = 0;
    for (let i = 0; i < outline.width * outline.height; i += 1) {
      const [r, g, b, a] = outline.pixels.subarray(i * 4, i * 4 + 4);
      if (a === 0) transparent += 1;
      else if (r === 255 && g === 255 && b === 255) white += 1;
      else throw new Error(`pixel ${i} is neither transparent nor white: ${[r, g, b, a]}`);
    }
    expect(transparent).toBeGreaterThan(500);
    expect(white).toBeGreaterThan(100);
  });
});

describe('npm run package:teams', () => {
  it('zips manifest.json and both icons at the root, with the bot id from MICROSOFT_APP_ID', async () => {
    const zip = new AdmZip(await buildTeamsPackage(ENV));
    expect(zip.getEntries().map((entry) => entry.entryName).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(zip.readAsText('manifest.json'));
    expect(manifest.bots[0].botId).toBe(BOT_ID);
    expect(manifest.id).toBe(BOT_ID);
    expect(manifest.developer.privacyUrl).toBe('https://crampbot-test.azurewebsites.net/privacy');
    expect(JSON.stringify(manifest)).not.toContain('${{');
    for (const icon of ICONS) expect(zip.readFile(icon)?.equals(readFileSync(join(TEAMS_DIR, icon)))).toBe(true);
  });

  it('uses TEAMS_APP_ID for the app id when it is given', async () => {
    const teamsAppId = '9b2e7f3a-1c4d-4e5f-8a6b-7c8d9e0f1a2b';
    const zip = new AdmZip(await buildTeamsPackage({ ...ENV, TEAMS_APP_ID: teamsAppId }));
    expect(JSON.parse(zip.readAsText('manifest.json')).id).toBe(teamsAppId);
  });

  it('fails with a message naming MICROSOFT_APP_ID when it is unset or not a GUID', async () => {
    await expect(buildTeamsPackage({ BOT_DOMAIN: ENV.BOT_DOMAIN })).rejects.toThrow(TeamsPackageError);
    await expect(buildTeamsPackage({ BOT_DOMAIN: ENV.BOT_DOMAIN })).rejects.toThrow(/MICROSOFT_APP_ID is not set/);
    await expect(buildTeamsPackage({ ...ENV, MICROSOFT_APP_ID: 'crampbot' })).rejects.toThrow(/MICROSOFT_APP_ID must be a GUID/);
  });

  it('fails with a message naming BOT_DOMAIN when it is unset or not a host name', async () => {
    await expect(buildTeamsPackage({ MICROSOFT_APP_ID: BOT_ID })).rejects.toThrow(/BOT_DOMAIN is not set/);
    await expect(buildTeamsPackage({ ...ENV, BOT_DOMAIN: 'not a host/path' })).rejects.toThrow(/BOT_DOMAIN must be a host name/);
  });
});
