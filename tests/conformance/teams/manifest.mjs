// Validates a Teams app manifest against the official schema shipped in @microsoft/m365agentstoolkit-cli: the version
// its "$schema" names (json-schemas/teams/<version>/MicrosoftTeams.schema.json), with Ajv for JSON Schema draft-04.
// Usage: node teams/manifest.mjs <manifest.json>. Prints each error; exits 1 if there is any.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const addFormats = require('ajv-formats');
// The Teams schemas are draft-04: Ajv's draft-04 class (pinned by the lockfile with the toolkit), else Ajv 8 leniently.
let Ajv;
let draft04 = true;
try { Ajv = require('ajv-draft-04'); } catch { Ajv = require('ajv'); draft04 = false; }
Ajv = Ajv.default ?? Ajv;

const manifest = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const match = /\/json-schemas\/teams\/(v[\d.]+|vDevPreview)\/MicrosoftTeams\.schema\.json$/.exec(manifest.$schema ?? '');
if (!match) {
  console.log(`"$schema" does not name a Teams manifest schema: ${manifest.$schema}`);
  process.exit(1);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '@microsoft', 'm365agentstoolkit-cli', 'json-schemas', 'teams');
const schemaPath = join(root, match[1], 'MicrosoftTeams.schema.json');
if (!existsSync(schemaPath)) {
  console.log(`the toolkit ships no schema ${match[1]} (looked for ${schemaPath})`);
  process.exit(1);
}
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
// Plain Ajv 8 does not know the draft-04 meta-schema; the keywords these schemas use mean the same in both.
if (!draft04) delete schema.$schema;

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);
let problems = 0;
if (!validate(manifest)) {
  for (const e of validate.errors) {
    problems++;
    console.log(`${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  }
}
if (`v${manifest.manifestVersion}` !== match[1]) {
  problems++;
  console.log(`manifestVersion ${manifest.manifestVersion} differs from the $schema version ${match[1]}`);
}
console.log(`manifest checked against ${match[1]}: ${problems} problems`);
process.exit(problems === 0 ? 0 : 1);
