// Screenshots of RevBot's cards in headless Chromium, with the layout checks a person would make by eye.
// Usage: node screenshots/render.mjs <batch.json> <out-dir> [--widths 320,500]
// The batch is [{ "name": "...", "platform": "teams" | "slack", "card": {...}, "images": { "<url>": "<png path>" } }]:
// a Teams card is an Adaptive Card rendered by Microsoft's adaptivecards SDK with a Teams-like host config; a Slack
// card is a message ({ text, blocks }) or a view ({ type: "modal" | "home", blocks }) drawn by blockkit.js, a static
// approximation of Slack's layout. Each card is drawn at each width in ONE Chromium launch and saved as
// <out-dir>/<name>.<width>.png; <out-dir>/report.json lists per card and width: split tokens (a word or amount whose
// characters fall on two lines), overflow (content wider than the card or one of its columns), images without alt
// text, and the payload's size against the platform's limit. Exit code 0 when every card rendered (the .NET test
// judges the report), 2 when the script itself failed.
import { readFileSync, writeFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const { chromium } = require('playwright-core');

const [batchPath, outDir, ...rest] = process.argv.slice(2);
if (!batchPath || !outDir) {
  console.error('usage: node screenshots/render.mjs <batch.json> <out-dir> [--widths 320,500]');
  process.exit(2);
}
const widthsArg = rest.indexOf('--widths');
const widths = widthsArg >= 0 ? rest[widthsArg + 1].split(',').map(Number) : [320, 500];
const executablePath = process.env.REVBOT_CHROMIUM ?? '/usr/bin/chromium';
// Without the networking flags Chromium reaches out to the network on start and can stall; a fresh profile each run.
const userDataDir = mkdtempSync(join(tmpdir(), 'revbot-chromium-'));
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--font-render-hinting=none'];

// Teams rejects a card larger than about 28 KB; Slack counts blocks (50 in a message, 100 in a modal or Home tab).
const TEAMS_MAX_BYTES = 28 * 1024;
const SLACK_MAX_BLOCKS = { message: 50, view: 100 };
// A grey 800×400 picture served for any image the batch did not provide, so cards never wait on the network.
const PLACEHOLDER = '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="400"><rect width="800" height="400" fill="#E1DFDD"/>'
  + '<text x="400" y="210" font-family="sans-serif" font-size="32" text-anchor="middle" fill="#616161">image</text></svg>';

const batch = JSON.parse(readFileSync(batchPath, 'utf8'));
mkdirSync(outDir, { recursive: true });
const images = new Map(batch.flatMap((entry) => Object.entries(entry.images ?? {})));

const browser = await chromium.launchPersistentContext(userDataDir, { executablePath, args, headless: true, viewport: { width: 500, height: 800 } })
  .catch((error) => { console.error(`Chromium did not start (${executablePath}): ${error.message}`); process.exit(2); });
const report = [];
try {
  const page = browser.pages()[0] ?? await browser.newPage();
  // Only this script's own page loads; every other request (card images) is answered locally.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url === 'about:blank') return route.continue();
    const file = images.get(url);
    return file ? route.fulfill({ status: 200, contentType: 'image/png', body: readFileSync(file) })
      : route.fulfill({ status: 200, contentType: 'image/svg+xml', body: PLACEHOLDER });
  });
  await page.setContent('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body></body></html>');
  await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
  await page.addStyleTag({ path: require.resolve('adaptivecards/dist/adaptivecards.css') });
  await page.addScriptTag({ path: join(here, 'blockkit.js') });
  await page.addScriptTag({ path: join(here, 'page.js') });
  for (const entry of batch) {
    const size = Buffer.byteLength(JSON.stringify(entry.card), 'utf8');
    for (const width of widths) {
      await page.setViewportSize({ width, height: 800 });
      const result = await page.evaluate(([platform, card, w]) => window.revbotRender(platform, card, w), [entry.platform, entry.card, width]);
      await page.evaluate(() => Promise.all([...document.images].map((i) => i.complete ? null : new Promise((r) => { i.onload = i.onerror = r; }))));
      const png = `${entry.name}.${width}.png`;
      await page.locator('#frame').screenshot({ path: join(outDir, png) });
      const limit = entry.platform === 'teams'
        ? (size > TEAMS_MAX_BYTES ? [`${size} bytes, over Teams' ${TEAMS_MAX_BYTES}`] : [])
        : slackBlockLimit(entry.card);
      report.push({ name: entry.name, platform: entry.platform, width, png, bytes: size, ...result, oversized: limit });
    }
  }
} finally {
  await browser.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
writeFileSync(join(outDir, 'report.json'), JSON.stringify(report, null, 2));
const bad = report.filter((r) => r.error || r.splitTokens.length || r.overflow.length || r.missingAlt.length || r.oversized.length);
for (const r of bad) console.log(`${r.name} @${r.width}px: ${JSON.stringify({ error: r.error, splitTokens: r.splitTokens, overflow: r.overflow, missingAlt: r.missingAlt, oversized: r.oversized })}`);
console.log(`${batch.length} cards rendered at ${widths.join(' and ')} px into ${outDir}, ${bad.length} with problems`);

function slackBlockLimit(card) {
  const isView = card.type === 'modal' || card.type === 'home';
  const max = isView ? SLACK_MAX_BLOCKS.view : SLACK_MAX_BLOCKS.message;
  const count = (card.blocks ?? []).length;
  return count > max ? [`${count} blocks, over Slack's ${max}`] : [];
}
