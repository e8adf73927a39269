// Validates Adaptive Cards with Microsoft's Adaptive Cards JavaScript SDK (adaptivecards 3.x) on a jsdom 26 DOM.
// Usage: node teams/cards.mjs <cards.json>, where the file holds [{ "name": "...", "card": { ... } }, ...].
// A card passes when it parses against schema 1.5 with no parse events, validateProperties() reports nothing, its
// version is at most 1.5, and it renders. Prints each problem as "<name>: <message>"; exits 1 if there is any.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { JSDOM } from 'jsdom';

const require = createRequire(import.meta.url);
const { window } = new JSDOM('<!DOCTYPE html><html><body></body></html>', { pretendToBeVisual: true });
// The SDK renders through DOM globals (document, HTMLInputElement, ...): expose jsdom's.
globalThis.window = window;
for (const key of Object.getOwnPropertyNames(window)) {
  if (!(key in globalThis) && /^(document|navigator|getComputedStyle|Node|[A-Z]\w*Element|Event|KeyboardEvent)$/.test(key)) globalThis[key] = window[key];
}
const AC = require('adaptivecards/dist/adaptivecards.js');
// Teams renders Markdown itself; rendering plain text here is enough to prove the card renders (and stops a warning).
AC.AdaptiveCard.onProcessMarkdown = (text, result) => { result.didProcess = false; };

// Teams' own limits where they differ from the SDK's defaults: six buttons per action set.
const teamsHostConfig = new AC.HostConfig({ supportsInteractivity: true, actions: { maxActions: 6 } });
const eventName = (e) => AC.ValidationEvent[e] ?? String(e);
const phaseName = (p) => AC.ValidationPhase[p] ?? String(p);
const maxVersion = AC.Versions.v1_5;

const entries = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let problems = 0;
for (const { name, card: json } of entries) {
  const report = (message) => { problems++; console.log(`${name}: ${message}`); };
  try {
    const context = new AC.SerializationContext(maxVersion);
    const card = new AC.AdaptiveCard();
    card.hostConfig = teamsHostConfig;
    card.parse(json, context);
    for (let i = 0; i < context.eventCount; i++) {
      const e = context.getEventAt(i);
      report(`${phaseName(e.phase)} ${eventName(e.event)}: ${e.message}`);
    }
    for (const e of card.validateProperties().validationEvents) report(`Validation ${eventName(e.event)}: ${e.message}`);
    const version = AC.Version.parse(json.version, context);
    if (!version || !version.isValid || version.compareTo(maxVersion) > 0) report(`version "${json.version}" is not at most 1.5`);
    if (!card.render()) report('did not render');
  } catch (error) {
    report(`threw ${error?.stack ?? error}`);
  }
}
console.log(`${entries.length} cards checked, ${problems} problems`);
process.exit(problems === 0 ? 0 : 1);
