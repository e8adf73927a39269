// A stand-in for Slack's Web API for scripts/scale-out-check.sh: answers the calls RevBot makes and keeps every
// chat.postMessage, so the check can count what reached Slack. No dependencies: node's own http server.
//
//   node scripts/scale-out-fake-slack.mjs <folder> <email the asker's users.info reports>
//
// Writes the port it listens on to <folder>/slack.port. Plain-number answers for the check: GET /_count (messages
// posted), /_count?channel=C… (to that channel), /_duplicates (messages whose body had been posted before).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const [folder, askerEmail] = process.argv.slice(2);
if (!folder || !askerEmail) {
  console.error('usage: scale-out-fake-slack.mjs <folder> <asker email>');
  process.exit(2);
}

const posts = [];
const slackIds = new Map();
let calls = 0;
let port = 0;

function lookUp(form) {
  const email = new URLSearchParams(form).get('email') ?? '';
  if (!slackIds.has(email)) slackIds.set(email, `UDM${String(slackIds.size + 1).padStart(5, '0')}`);
  return slackIds.get(email);
}

function report(url) {
  if (url.pathname === '/_duplicates') return posts.length - new Set(posts.map(p => p.body)).size;
  const channel = url.searchParams.get('channel');
  return channel === null ? posts.length : posts.filter(p => p.channel === channel).length;
}

function answer(method, body) {
  switch (method) {
    case 'auth.test': return { ok: true, user_id: 'UBOT0001', bot_id: 'BBOT', team_id: 'T1' };
    case 'users.info': return { ok: true, user: { id: 'UREP0001', profile: { email: askerEmail } } };
    case 'users.lookupByEmail': return { ok: true, user: { id: lookUp(body) } };
    case 'chat.postMessage': {
      const channel = JSON.parse(body).channel;
      posts.push({ channel, body });
      return { ok: true, channel, ts: `1700000000.${String(calls).padStart(6, '0')}` };
    }
    case 'files.getUploadURLExternal': return { ok: true, upload_url: `http://127.0.0.1:${port}/upload/${calls}`, file_id: `F${calls}` };
    case 'files.completeUploadExternal': return { ok: true, files: [{ id: 'F1', title: 'Chart' }] };
    default: return { ok: true };
  }
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', c => chunks.push(c));
  req.on('end', () => {
    const url = new URL(req.url, 'http://localhost');
    if (req.method === 'GET' && (url.pathname === '/_count' || url.pathname === '/_duplicates')) {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(String(report(url)));
      return;
    }
    calls++;
    if (url.pathname.startsWith('/upload/')) {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('OK');
      return;
    }
    const method = url.pathname.replace(/^\/api\//, '');
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    res.end(JSON.stringify(answer(method, Buffer.concat(chunks).toString('utf8'))));
  });
});

server.listen(0, '127.0.0.1', () => {
  port = server.address().port;
  fs.writeFileSync(path.join(folder, 'slack.port'), String(port));
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
