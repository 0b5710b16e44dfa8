import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import AdmZip from 'adm-zip';
import Ajv, { type ValidateFunction } from 'ajv';
import { loadDotEnv } from '../src/config';
import { PROJECT_ROOT } from '../src/paths';

/**
 * `npm run package:teams`: fills deploy/teams/manifest.json's `${{NAME}}` placeholders from the environment
 * (or .env), checks it against the manifest schema bundled in @microsoft/app-manifest (offline), and zips it
 * with both icons at the zip's root, ready for Teams' "Upload a custom app".
 */

export const TEAMS_DIR = join(PROJECT_ROOT, 'deploy', 'teams');
export const ICONS = ['color.png', 'outline.png'] as const;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

/** A missing or malformed setting; the message names the variable and says what to do. */
export class TeamsPackageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TeamsPackageError';
  }
}

/** The placeholder values, from MICROSOFT_APP_ID, TEAMS_APP_ID (defaults to the bot's id) and BOT_DOMAIN. */
export function placeholderValues(env: Record<string, string | undefined>): Record<string, string> {
  const botId = env.MICROSOFT_APP_ID?.trim();
  if (!botId) {
    throw new TeamsPackageError(
      'MICROSOFT_APP_ID is not set: it is the bot\'s Microsoft Entra app (client) id, the "Microsoft App ID" of the Azure Bot resource.',
    );
  }
  if (!GUID.test(botId)) throw new TeamsPackageError(`MICROSOFT_APP_ID must be a GUID, not "${botId}".`);
  const teamsAppId = env.TEAMS_APP_ID?.trim() || botId;
  if (!GUID.test(teamsAppId)) throw new TeamsPackageError(`TEAMS_APP_ID must be a GUID, not "${teamsAppId}".`);
  const domain = env.BOT_DOMAIN?.trim().replace(/^https:\/\//i, '').replace(/\/+$/, '');
  if (!domain) {
    throw new TeamsPackageError('BOT_DOMAIN is not set: it is the host name of the web app, e.g. crampbot-abc123.azurewebsites.net.');
  }
  if (!HOST.test(domain)) throw new TeamsPackageError(`BOT_DOMAIN must be a host name such as crampbot.azurewebsites.net, not "${domain}".`);
  return { BOT_ID: botId, TEAMS_APP_ID: teamsAppId, BOT_DOMAIN: domain.toLowerCase() };
}

/** Replaces every `${{NAME}}` in the template; a placeholder without a value is an error. */
export function fillManifest(template: string, values: Record<string, string>): Record<string, unknown> {
  const filled = template.replace(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g, (_match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new TeamsPackageError(`deploy/teams/manifest.json uses \${{${name}}}, which has no value.`);
    return value;
  });
  return JSON.parse(filled) as Record<string, unknown>;
}

/** The JSON schema for the manifest's `manifestVersion`, as bundled in @microsoft/app-manifest. */
export function bundledSchemaPath(manifestVersion: string): string {
  const packageDir = dirname(require.resolve('@microsoft/app-manifest'));
  return join(packageDir, 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
}

/**
 * Schema errors of a filled manifest, empty when it is valid.
 * @remarks The Teams schemas declare JSON Schema draft-04 but use no keyword whose meaning changed since
 * (checked: no `id`, no boolean `exclusiveMinimum`/`exclusiveMaximum`), so Ajv's default draft checks them
 * as written. @microsoft/app-manifest's own validator is not used: it loads ESM-only modules jest cannot.
 */
export async function validateManifest(manifest: Record<string, unknown>): Promise<string[]> {
  const validate = compiledSchema(String(manifest.manifestVersion));
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
}

const compiled = new Map<string, ValidateFunction>();

function compiledSchema(manifestVersion: string): ValidateFunction {
  const known = compiled.get(manifestVersion);
  if (known) return known;
  const { $schema: _draft04, ...schema } = JSON.parse(readFileSync(bundledSchemaPath(manifestVersion), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('email', /^[^\s@]+@[^\s@]+$/);
  ajv.addFormat('regex', (value: string) => {
    try {
      new RegExp(value, 'u');
      return true;
    } catch {
      return false;
    }
  });
  const validate = ajv.compile(schema);
  compiled.set(manifestVersion, validate);
  return validate;
}

/** Builds the app package: manifest.json and the icons, all at the zip's root. */
export async function buildTeamsPackage(env: Record<string, string | undefined>, teamsDir = TEAMS_DIR): Promise<Buffer> {
  const manifest = fillManifest(readFileSync(join(teamsDir, 'manifest.json'), 'utf8'), placeholderValues(env));
  const errors = await validateManifest(manifest);
  if (errors.length > 0) throw new TeamsPackageError(`deploy/teams/manifest.json does not match its schema:\n  ${errors.join('\n  ')}`);
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  for (const icon of ICONS) zip.addFile(icon, readFileSync(join(teamsDir, icon)));
  return zip.toBuffer();
}

async function main(): Promise<void> {
  loadDotEnv(join(PROJECT_ROOT, '.env'));
  try {
    const zip = await buildTeamsPackage(process.env);
    const out = join(PROJECT_ROOT, 'teams-package', 'crampbot-teams.zip');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, zip);
    console.log(`Teams app package: ${out}\nUpload it in Teams: Apps > Manage your apps > Upload an app > Upload a custom app.`);
  } catch (error) {
    if (!(error instanceof TeamsPackageError)) throw error;
    console.error(`package:teams: ${error.message}`);
    process.exitCode = 1;
  }
}

if (require.main === module) {
  void main();
}
