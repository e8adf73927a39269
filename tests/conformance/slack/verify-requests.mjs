// Slack's own verifier as an oracle for RevBot's signing code.
// stdin: {"secret": "...", "nowMs": 0, "verify": [{"timestamp": 1, "body": "...", "signature": "v0=..."}], "sign": [{"timestamp": 1, "body": "..."}]}
// stdout: {"verify": [{"valid": true, "error": null}], "sign": ["v0=..."]}
// "sign" uses node:crypto exactly as Bolt's verifier does, and each signature is checked with Bolt before it is returned.
import { createHmac } from 'node:crypto';
import bolt from '@slack/bolt';

const { verifySlackRequest } = bolt;
const input = JSON.parse(await new Promise((resolve) => {
  let text = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => { text += chunk; });
  process.stdin.on('end', () => resolve(text));
}));

const check = (timestamp, body, signature) => {
  try {
    verifySlackRequest({
      signingSecret: input.secret,
      body,
      nowMilliseconds: input.nowMs,
      headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp },
    });
    return { valid: true, error: null };
  } catch (e) {
    return { valid: false, error: String(e.message ?? e) };
  }
};

const verify = (input.verify ?? []).map((c) => check(c.timestamp, c.body, c.signature));
const sign = (input.sign ?? []).map((c) => {
  const signature = `v0=${createHmac('sha256', input.secret).update(`v0:${c.timestamp}:${c.body}`).digest('hex')}`;
  const own = check(c.timestamp, c.body, signature);
  if (!own.valid) throw new Error(`Bolt rejected a node-made signature: ${own.error}`);
  return signature;
});
process.stdout.write(JSON.stringify({ verify, sign }));
