// Turns bench/run.sh's raw results into the report (docs/performance.md), prints the summary, and exits 1 when a
// measurement is invalid (a server answered with anything but 2xx) or, with targets enforced, a target is missed.
//   node report.mjs RESULTS_JSONL SETTINGS_JSON OUTPUT_MD [run.sh arguments...]
// Text after the KEEP_MARKER line of an existing report is kept: the analysis written by hand (what was slow, what
// fixed it) survives a rerun.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [resultsFile, settingsFile, outputFile, ...runArguments] = process.argv.slice(2);
const bench = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repo = path.resolve(bench, '..');
const settings = JSON.parse(readFileSync(settingsFile, 'utf8'));
const records = readFileSync(resultsFile, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));

const KEEP_MARKER = '<!-- Everything above this line is written by bench/run.sh; what follows is kept when it rewrites this file. -->';
const STEADY_FRACTION = 0.9;
const CONNECTIONS_TO_DERIVE = 50_000;

const labels = {
  enterprise: 'Enterprise v2 (ASP.NET Core, EF Core, full pipeline)',
  'enterprise-cached': 'Enterprise v2, cache on',
  'fastify-pg': 'Fastify 5 + node-postgres, raw SQL',
  'nest-fastify': 'NestJS + TypeORM on Fastify',
  'nest-express': 'NestJS + TypeORM on Express (its default)',
};
const servers = Object.keys(labels).filter((server) => records.some((record) => record.server === server));

const median = (values) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const rate = (record) => record.requests / record.seconds;
const whole = (value) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a');
const fixed = (value, digits) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
const select = (kind, server, endpoint) =>
  records.filter((r) => r.kind === kind && r.server === server && (endpoint === undefined || r.endpoint === endpoint));

// ---- Steady state: medians of the interleaved rounds ----
const steady = Object.fromEntries(servers.map((server) => [server, Object.fromEntries(['by-id', 'list'].map((endpoint) => {
  const rounds = select('round', server, endpoint);
  return [endpoint, {
    rps: median(rounds.map(rate)),
    p50: median(rounds.map((r) => r.p50_ms)),
    p99: median(rounds.map((r) => r.p99_ms)),
    samples: rounds.map(rate),
  }];
}))]));

// ---- Start: readiness, the first window, time to steady state ----
const start = Object.fromEntries(servers.map((server) => {
  const slices = select('slice', server).sort((a, b) => a.end_seconds - b.end_seconds);
  const firstRequests = slices.filter((s) => s.first_window === 1).reduce((sum, s) => sum + s.requests, 0);
  const byId = slices.filter((s) => s.endpoint === 'by-id');
  const floor = STEADY_FRACTION * steady[server]['by-id'].rps;
  // The earliest slice from which every later by-id slice reaches 90% of the steady state.
  let steadyAfter = null;
  for (let index = byId.length - 1; index >= 0 && rate(byId[index]) >= floor; index -= 1) steadyAfter = byId[index].end_seconds;
  return [server, {
    ready: select('start', server)[0]?.ready_seconds ?? NaN,
    healthy: select('start', server)[0]?.healthy_seconds,
    firstWindow: firstRequests / settings.firstWindow,
    steadyAfter,
    curve: byId.map((s) => `${Math.round(s.end_seconds)} s: ${whole(rate(s))}`).join(' · '),
  }];
}));

// ---- Ratios and targets (those needing a server that was not run, see --servers, are left out) ----
const ratio = (a, b) => a / b;
const ran = (...names) => names.every((name) => servers.includes(name));
const allTargets = [
  { servers: ['enterprise', 'nest-express'], name: 'GET by id, Enterprise / NestJS on Express', value: () => ratio(steady.enterprise['by-id'].rps, steady['nest-express']['by-id'].rps), target: 2.5, aim: 3 },
  { servers: ['enterprise', 'nest-fastify'], name: 'GET by id, Enterprise / NestJS on Fastify', value: () => ratio(steady.enterprise['by-id'].rps, steady['nest-fastify']['by-id'].rps), target: 1.2, aim: 1.5 },
  { servers: ['enterprise', 'fastify-pg'], name: 'GET a list of 20, Enterprise / Fastify + node-postgres', value: () => ratio(steady.enterprise.list.rps, steady['fastify-pg'].list.rps), target: 1.0 },
  ...(settings.cached
    ? [{ servers: ['enterprise-cached', 'fastify-pg'], name: 'GET by id with the cache on, Enterprise / Fastify + node-postgres', value: () => ratio(steady['enterprise-cached']['by-id'].rps, steady['fastify-pg']['by-id'].rps), target: 1.5 }]
    : []),
  { servers: ['enterprise', 'nest-express'], name: `First ${settings.firstWindow} s after start (by id), Enterprise / NestJS on Express`, value: () => ratio(start.enterprise.firstWindow, start['nest-express'].firstWindow), target: 2.0 },
];
const targets = allTargets.filter((t) => ran(...t.servers)).map((t) => ({ ...t, value: t.value() }));
const informative = [
  { servers: ['enterprise', 'fastify-pg'], name: 'GET by id, Enterprise / Fastify + node-postgres', value: () => ratio(steady.enterprise['by-id'].rps, steady['fastify-pg']['by-id'].rps) },
  { servers: ['enterprise', 'nest-express'], name: 'GET a list of 20, Enterprise / NestJS on Express', value: () => ratio(steady.enterprise.list.rps, steady['nest-express'].list.rps) },
  { servers: ['enterprise', 'nest-fastify'], name: 'GET a list of 20, Enterprise / NestJS on Fastify', value: () => ratio(steady.enterprise.list.rps, steady['nest-fastify'].list.rps) },
].filter((r) => ran(...r.servers)).map((r) => ({ ...r, value: r.value() }));
for (const target of targets) target.met = Number.isFinite(target.value) && target.value >= target.target;
const missed = targets.filter((target) => !target.met);

// ---- Connections: resident memory against idle connections, a least-squares line ----
const connections = Object.fromEntries(servers.map((server) => {
  const held = select('connections', server);
  if (held.length === 0) return [server, { points: [] }];
  // No idle connection: the last round's reads by id, measured the same way.
  const lastRound = select('round', server, 'by-id').sort((a, b) => b.round - a.round)[0];
  const points = [{ ...lastRound, connections: 0, held: 0 }, ...held].sort((a, b) => a.connections - b.connections);
  const meanX = points.reduce((sum, p) => sum + p.connections, 0) / points.length;
  const meanY = points.reduce((sum, p) => sum + p.rss_kb, 0) / points.length;
  const slope = points.reduce((sum, p) => sum + (p.connections - meanX) * (p.rss_kb - meanY), 0) /
    points.reduce((sum, p) => sum + (p.connections - meanX) ** 2, 0);
  const intercept = meanY - slope * meanX;
  return [server, { points, kbPerConnection: slope, derivedMb: (intercept + slope * CONNECTIONS_TO_DERIVE) / 1024 }];
}));

// ---- Validity: every answer must be 2xx, or the rate limiter or an error was measured instead ----
const measured = records.filter((r) => r.requests !== undefined);
const non2xx = Object.fromEntries(servers.map((server) => [server, measured.filter((r) => r.server === server).reduce((sum, r) => sum + r.non2xx, 0)]));
const socketErrors = Object.fromEntries(servers.map((server) => [server, measured.filter((r) => r.server === server).reduce((sum, r) => sum + r.errors, 0)]));
const invalid = servers.filter((server) => non2xx[server] > 0);

// ---- Machine and versions ----
const run = (command, args) => {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
};
const lockVersion = (peer, name) =>
  JSON.parse(readFileSync(path.join(bench, 'peers', peer, 'package-lock.json'), 'utf8')).packages[`node_modules/${name}`]?.version ?? 'n/a';
const cpuModel = run('lscpu', []).split('\n').find((line) => line.startsWith('Model name:'))?.replace('Model name:', '').trim() ?? os.cpus()[0]?.model;
const osName = existsSync('/etc/os-release')
  ? readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)/m)?.[1]
  : os.type();
const postgresBin = run('sh', ['-c', 'ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1']);
const commit = run('git', ['-C', repo, 'rev-parse', '--short', 'HEAD']);
const dirty = run('git', ['-C', repo, 'status', '--porcelain', '--untracked-files=no', '--', 'src']) !== '';

// ---- The report ----
const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const rerun = ['bench/run.sh', ...runArguments].join(' ');
const lines = [];
/** A Markdown table; numbers (every column after the first) are right-aligned unless `text` says otherwise. */
const table = (header, rows, text = false) => {
  lines.push(`| ${header.join(' | ')} |`, `| ${header.map((h, i) => (i === 0 || text ? '---' : '---:')).join(' | ')} |`);
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  lines.push('');
};

lines.push('# Performance', '');
lines.push(`Written by \`${rerun}\` on ${date}, ${settings.smoke ? 'a smoke run: durations too short for the numbers to mean anything' : `in ${Math.round(settings.seconds / 60)} minutes`}.`, '');
lines.push('Every server reads the same PostgreSQL table of products and returns the same JSON for the same rows (the script');
lines.push('checks that before it measures). Requests per second; the server under test on one core, the load generator and');
lines.push('PostgreSQL on the other.', '');

lines.push('## Targets', '');
table(['ratio (side by side, one run)', 'measured', 'target', 'met'], targets.map((t) => [
  t.name, `${fixed(t.value, 2)}x`, `>= ${t.target}x${t.aim ? ` (aim ${t.aim}x)` : ''}`, t.met ? 'yes' : '**no**',
]));
if (!settings.cached) lines.push('The cached by-id target (>= 1.5x Fastify + node-postgres) needs `--cached-env Caching__Enabled=true`; it was not measured.', '');
const left = allTargets.filter((t) => !ran(...t.servers));
if (left.length > 0) lines.push(`Not measured (\`--servers\` left out a server they compare): ${left.map((t) => t.name).join('; ')}.`, '');
if (informative.length > 0) table(['other ratios', 'measured'], informative.map((r) => [r.name, `${fixed(r.value, 2)}x`]));

lines.push(`## Steady state (median of ${settings.rounds} interleaved round${settings.rounds === 1 ? '' : 's'} of ${settings.duration} s, after ${settings.warmup} s of load)`, '');
table(['server (1 core)', 'GET one product by id', 'p50 / p99 ms', 'GET a list of 20', 'p50 / p99 ms'], servers.map((server) => [
  labels[server],
  whole(steady[server]['by-id'].rps), `${fixed(steady[server]['by-id'].p50, 2)} / ${fixed(steady[server]['by-id'].p99, 2)}`,
  whole(steady[server].list.rps), `${fixed(steady[server].list.p50, 2)} / ${fixed(steady[server].list.p99, 2)}`,
]));
table(['server', 'by id, each round', 'list, each round'], servers.map((server) => [
  labels[server], steady[server]['by-id'].samples.map(whole).join(', '), steady[server].list.samples.map(whole).join(', '),
]));

lines.push('## From the start', '');
lines.push(`Each server is started fresh and loaded from the moment it answers: reads by id until ${settings.firstWindow} s after the`);
lines.push(`process started, then lists and reads by id in turn, ${settings.slice} s each, until ${settings.warmup} s. "First ${settings.firstWindow} s" counts the`);
lines.push(`requests answered in that window (start-up included) divided by ${settings.firstWindow}. "Steady after" is the end of the first by-id`);
lines.push(`slice from which every later one reached ${STEADY_FRACTION * 100}% of the steady state above. "Ready after" is when`);
lines.push('`/health/ready` first answered 200 (Enterprise reports ready once its warm-up has run; the peers have no readiness check):');
lines.push('the load starts at "answers after", before readiness, so the first window counts everything the process could serve.', '');
table(['server', 'answers after s', 'ready after s', `first ${settings.firstWindow} s, req/s`, 'steady after s'], servers.map((server) => [
  labels[server], fixed(start[server].ready, 2),
  start[server].healthy === undefined ? (server.startsWith('enterprise') ? `not within ${settings.warmup}` : '-') : fixed(start[server].healthy, 2),
  whole(start[server].firstWindow),
  start[server].steadyAfter === null ? `not within ${settings.warmup}` : `<= ${Math.round(start[server].steadyAfter)}`,
]));
lines.push('Reads by id per slice, by seconds since the process started:', '');
for (const server of servers) lines.push(`- ${labels[server]}: ${start[server].curve || 'no slice'}`);
lines.push('');

if (servers.some((server) => connections[server].points.length > 0)) {
  lines.push('## Idle connections', '');
  lines.push(`Reads by id (\`wrk -c64\`, ${settings.duration} s) while a client holds the given number of idle keep-alive connections, each`);
  lines.push('having been answered once; resident memory (VmRSS) of the server process after the load. The row with none is the');
  lines.push(`last round's. Every server keeps idle connections 130 s (Kestrel's default). Memory for ${CONNECTIONS_TO_DERIVE.toLocaleString('en-US')}`);
  lines.push('is the least-squares line through the points.', '');
  table(['server', 'idle connections', 'still open', 'req/s', 'RSS MB'], servers.flatMap((server) => connections[server].points.map((p) => [
    labels[server], whole(p.connections), whole(p.held), whole(rate(p)), fixed(p.rss_kb / 1024, 1),
  ])));
  table(['server', 'KB per idle connection', `RSS for ${CONNECTIONS_TO_DERIVE.toLocaleString('en-US')} (derived), MB`], servers
    .filter((server) => connections[server].kbPerConnection !== undefined)
    .map((server) => [labels[server], fixed(connections[server].kbPerConnection, 1), whole(connections[server].derivedMb)]));
}

lines.push('## Errors', '');
table(['server', 'non-2xx answers', 'socket errors and timeouts', 'error log events'], servers.map((server) => [
  labels[server], whole(non2xx[server]), whole(socketErrors[server]),
  whole(select('log', server)[0]?.error_events ?? NaN),
]));

lines.push('## Machine and versions', '');
table(['what', 'value'], [
  ['CPU', `${cpuModel}, ${os.cpus().length} cores (\`nproc\`: ${run('nproc', [])})`],
  ['Memory', `${Math.round(os.totalmem() / 2 ** 30)} GB`],
  ['OS', `${osName}, Linux ${os.release()}`],
  ['Load average (1, 5, 15 min)', `${settings.loadAtStart} at the start, ${os.loadavg().map((load) => load.toFixed(2)).join(' ')} at the end (the benchmark itself keeps about two processes busy; much more means other work shared the cores)`],
  ['Enterprise', `commit ${commit}${dirty ? ' with uncommitted changes in src/' : ''}, ${settings.publish}`],
  ['.NET', `SDK ${run('dotnet', ['--version'])}, runtime ${settings.dotnetRuntime || 'n/a'}`],
  ['Node.js', process.version],
  ['Fastify peer', `fastify ${lockVersion('fastify-pg', 'fastify')}, pg ${lockVersion('fastify-pg', 'pg')}`],
  ['NestJS peers', `@nestjs/core ${lockVersion('nest-typeorm', '@nestjs/core')}, @nestjs/platform-express ${lockVersion('nest-typeorm', '@nestjs/platform-express')}, @nestjs/platform-fastify ${lockVersion('nest-typeorm', '@nestjs/platform-fastify')}, typeorm ${lockVersion('nest-typeorm', 'typeorm')}, pg ${lockVersion('nest-typeorm', 'pg')}`],
  ['PostgreSQL', run(path.join(postgresBin, 'postgres'), ['--version'])],
  ['wrk', run('wrk', ['-v']).split('\n')[0]],
], true);

lines.push('## Method and how to rerun', '');
lines.push('```sh');
lines.push('bench/run.sh                                   # the full run: about 10 minutes on 2 cores; writes this file');
lines.push('bench/run.sh --connections 1000,5000,15000     # also the idle-connection mode');
lines.push('bench/run.sh --cached-env Caching__Enabled=true # also Enterprise with its cache on (the plain one runs with it off)');
lines.push('bench/run.sh --smoke                           # the same path in seconds, for CI; writes no report here');
lines.push('```', '');
lines.push(`- ${settings.products.toLocaleString('en-US')} products (every 50th archived) in 20 categories, inserted into the tables Enterprise's migrations create; the load`);
lines.push(`  generator picks a random one of ${settings.ids.toLocaleString('en-US')} active product ids per request (\`bench/lib/load.lua\`).`);
lines.push(`- \`wrk -t1 -c64\` and PostgreSQL on CPU ${settings.loadCpu}; each server alone on CPU ${settings.serverCpu} (\`taskset\`).`);
lines.push('- Enterprise: `dotnet publish -c Release` (ReadyToRun), `ASPNETCORE_ENVIRONMENT=Production`, JWT bearer validation configured,');
lines.push('  rate limits raised so they never reject, logging at `Information` (every request is logged), the whole pipeline.');
lines.push('- The peers (`bench/peers/`) serve `GET /api/v2/products/{id}` and `GET /api/v2/products?limit=20` with Enterprise v2\'s JSON');
lines.push('  (same members, price as `{amount, currency}`, timestamps to the microsecond) and an `ETag`, from pools of 20 connections.');
lines.push(`- Each server is started fresh and warmed for ${settings.warmup} s (the "from the start" figures come from that warm-up), then`);
lines.push(`  ${settings.rounds} round${settings.rounds === 1 ? '' : 's'} measure each server in turn, ${settings.duration} s per read, each round starting with the next server.`);
lines.push('- The run fails when any answer is not 2xx (rate limited or an error: the numbers would be wrong), and, unless');
lines.push('  `--no-targets`, when a target ratio is missed.', '');

let kept = '';
if (existsSync(outputFile)) {
  const previous = readFileSync(outputFile, 'utf8');
  const at = previous.indexOf(KEEP_MARKER);
  if (at >= 0) kept = previous.slice(at + KEEP_MARKER.length).replace(/^\n+/, '');
}
writeFileSync(outputFile, `${lines.join('\n')}\n${KEEP_MARKER}\n\n${kept}`);

// ---- Summary ----
console.log('');
console.log(`${'server'.padEnd(48)} ${'by id'.padStart(9)} ${'list'.padStart(9)} ${`first ${settings.firstWindow}s`.padStart(10)}`);
for (const server of servers) {
  console.log(`${labels[server].padEnd(48)} ${whole(steady[server]['by-id'].rps).padStart(9)} ${whole(steady[server].list.rps).padStart(9)} ${whole(start[server].firstWindow).padStart(10)}`);
}
console.log('');
for (const t of targets) console.log(`${t.met ? 'met   ' : 'MISSED'} ${t.name}: ${fixed(t.value, 2)}x (target ${t.target}x)`);
console.log(`\nReport: ${outputFile}`);

if (invalid.length > 0) {
  console.error(`error: non-2xx answers from ${invalid.join(', ')}: the measurement is invalid (see the Errors table)`);
  process.exit(1);
}
if (settings.enforce && missed.length > 0) {
  console.error(`error: ${missed.length} target${missed.length === 1 ? '' : 's'} missed`);
  process.exit(1);
}
