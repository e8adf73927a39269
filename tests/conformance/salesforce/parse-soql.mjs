// Salesforce's SOQL grammar, as the community parser @jetstreamapp/soql-parser-js implements it, as an oracle for every
// statement RevBot sent to the fake org.
// stdin: ["SELECT ...", ...]   stdout: [{"soql": "...", "valid": true, "sObject": "Opportunity", "fields": ["Id", "Owner.Email"], "where": true, "error": null}]
import { isQueryValid, parseQuery } from '@jetstreamapp/soql-parser-js';

const statements = JSON.parse(await new Promise((resolve) => {
  let text = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => { text += chunk; });
  process.stdin.on('end', () => resolve(text));
}));

const fieldName = (f) => (f.type === 'FieldRelationship' ? [...f.relationships, f.field].join('.') : f.field ?? f.rawValue ?? f.type);

const results = statements.map((soql) => {
  if (!isQueryValid(soql)) {
    let error = 'invalid';
    try { parseQuery(soql); } catch (e) { error = String(e.message ?? e); }
    return { soql, valid: false, sObject: null, fields: [], where: false, error };
  }
  const query = parseQuery(soql);
  return { soql, valid: true, sObject: query.sObject, fields: (query.fields ?? []).map(fieldName), where: query.where !== undefined, error: null };
});
process.stdout.write(JSON.stringify(results));
