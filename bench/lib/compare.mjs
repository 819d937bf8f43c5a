// Checks that every server returns the same JSON as the reference for the same rows, before anything is measured.
//   node compare.mjs IDS_FILE ARCHIVED_ID NAME=URL... (the first server is the reference)
// Compares GET /api/v2/products/{id} for every id in the file, GET /api/v2/products?limit=20, and the 404 for an
// archived product. Bodies are compared parsed, members in any order; numbers by value (12.5 equals 12.50), every
// other value exactly. Prints each difference and exits 1 when there is one.
import { readFileSync } from 'node:fs';

const [idsFile, archivedId, ...servers] = process.argv.slice(2);
const ids = readFileSync(idsFile, 'utf8').split('\n').filter(Boolean);
const targets = servers.map((server) => {
  const at = server.indexOf('=');
  return { name: server.slice(0, at), url: server.slice(at + 1) };
});
const paths = [...ids.map((id) => `/api/v2/products/${id}`), '/api/v2/products?limit=20'];

/** The body with object members sorted, so member order does not matter. */
function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical(value[key])]));
  }
  return value;
}

async function read(url) {
  const response = await fetch(url);
  const type = response.headers.get('content-type') ?? '';
  const text = await response.text();
  return { status: response.status, type, text };
}

const differences = [];
let identical = 0;
let compared = 0;
for (const path of paths) {
  const [reference, ...others] = await Promise.all(targets.map((target) => read(target.url + path)));
  if (reference.status !== 200 || !reference.type.startsWith('application/json')) {
    differences.push(`${targets[0].name} ${path}: ${reference.status} ${reference.type} ${reference.text.slice(0, 200)}`);
    continue;
  }
  const expected = JSON.stringify(canonical(JSON.parse(reference.text)));
  others.forEach((other, index) => {
    const name = targets[index + 1].name;
    if (other.status !== 200 || !other.type.startsWith('application/json')) {
      differences.push(`${name} ${path}: ${other.status} ${other.type}, ${targets[0].name} 200 application/json`);
      return;
    }
    compared += 1;
    if (other.text === reference.text) identical += 1;
    const actual = JSON.stringify(canonical(JSON.parse(other.text)));
    if (actual !== expected) {
      differences.push(`${name} ${path}:\n  ${targets[0].name}: ${expected.slice(0, 2000)}\n  ${name}: ${actual.slice(0, 2000)}`);
    }
  });
}

const archived = `/api/v2/products/${archivedId}`;
for (const [index, answer] of (await Promise.all(targets.map((target) => read(target.url + archived)))).entries()) {
  if (answer.status !== 404) differences.push(`${targets[index].name} ${archived} (archived): ${answer.status}, expected 404`);
}

if (differences.length > 0) {
  console.error(`The servers disagree (${differences.length} differences):\n${differences.join('\n')}`);
  process.exit(1);
}
console.log(`Same JSON from ${targets.map((target) => target.name).join(', ')} for ${paths.length} reads ` +
  `(${identical} of ${compared} bodies byte for byte as ${targets[0].name}'s); 404 for an archived product.`);
