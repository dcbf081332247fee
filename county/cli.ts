// County command line:
//   provision --url <server> --admin <user:password> [--plan plan.json] [--add-station <code>]
//             [--replication-url <url>] [--json]
//   demo      [--dir .leye-data/county] [--port 5984]
// Run through county/cli.mjs (npm run county:provision / npm run county).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { placeChildren, placeName } from '../shared/places/index';
import { CouchError, parseCredentials, splitUrl } from './couch';
import { addStation, type CountyPlan, type CreatedAccount, provisionCounty, setupCode, type ProvisionResult } from './provision';
import { createServerAdmin, randomAdminPassword, superviseCountyServer } from './pouchServer';

const USAGE = `Usage:
  npm run county:provision -- --url http://127.0.0.1:5984 --admin admin:secret --plan plan.json
  npm run county:provision -- --url … --admin … --add-station 370102001001 [--plan plan.json]
  npm run county [-- --dir .leye-data/county --port 5984]

plan.json: {"county":"370102","townships":[{"code":"370102001","villages":["370102001001"]}],
            "staff":[{"name":"county-li"}]}
With --add-station and --plan, the station is added to the plan file too.`;

function fail(msg: string): never {
  console.error(`error: ${msg}`);
  process.exit(1);
}

function printResult(r: ProvisionResult, label = ''): void {
  if (r.changes.length === 0) console.log(`${label}Nothing to do: the server already matches the plan.`);
  else for (const c of r.changes) console.log(`  + ${c}`);
  for (const w of r.warnings) console.log(`warning: ${w}`);
  if (r.created.length) {
    console.log('\nNew accounts (passwords are shown ONLY NOW; hand each to its station):');
    for (const a of r.created) printAccount(a);
  }
  if (r.existing.length) console.log(`\nAlready provisioned (passwords unchanged, not shown): ${r.existing.join(', ')}`);
}

function printAccount(a: Pick<CreatedAccount, 'name' | 'password' | 'place' | 'setupCode'>, note = ''): void {
  console.log(`  ${a.name.padEnd(24)} ${a.password}  ${a.place} ${placeName(a.place) ?? ''}${note}`);
  console.log(`    setup code: ${a.setupCode}`);
}

function readPlan(path: string): CountyPlan {
  if (!existsSync(path)) fail(`plan file not found: ${path}`);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as CountyPlan;
  } catch (e) {
    fail(`plan file ${path} is not valid JSON: ${(e as Error).message}`);
  }
}

async function provisionCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: 'string' },
      admin: { type: 'string' },
      plan: { type: 'string' },
      'add-station': { type: 'string' },
      'replication-url': { type: 'string' },
      json: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return void console.log(USAGE);
  if (!values.url) fail('--url is required (the CouchDB server, e.g. http://127.0.0.1:5984)\n\n' + USAGE);
  const { base, credentials: inUrl } = splitUrl(values.url);
  let admin = inUrl;
  if (values.admin) admin = parseCredentials(values.admin);
  admin ??= process.env.COUCHDB_ADMIN ? parseCredentials(process.env.COUCHDB_ADMIN) : null;
  if (!admin) fail('--admin user:password is required (or COUCHDB_ADMIN, or credentials in --url)');
  const add = values['add-station'];
  if (!values.plan && !add) fail('give --plan plan.json and/or --add-station <code>\n\n' + USAGE);
  if (add && !/^\d{9}(\d{3})?$/.test(add)) fail(`--add-station expects a 9-digit township or 12-digit village code, got ${add}`);

  let plan: CountyPlan = values.plan ? readPlan(values.plan) : { county: add!.slice(0, 6), townships: [] };
  if (add) plan = addStation(plan, add);
  if (values['replication-url']) plan.replicationUrl = values['replication-url'];
  const result = await provisionCounty(base, admin, plan);
  if (add && values.plan) writeFileSync(values.plan, JSON.stringify(plan, null, 2) + '\n');
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else printResult(result);
}

interface DemoSecrets {
  admin: { user: string; password: string };
  accounts: Record<string, { password: string; place: string; signingKey?: string }>;
}

/** The demo county: 370102 历下区, its first two townships and two villages of each. */
export function demoPlan(): CountyPlan {
  const county = '370102';
  const townships = placeChildren(county).slice(0, 2).map((t) => ({ code: t.code, villages: placeChildren(t.code).slice(0, 2).map((v) => v.code) }));
  return { county, townships, staff: [{ name: 'county-demo', displayName: '县级演示账号' }] };
}

async function demoCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { dir: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) return void console.log(USAGE);
  const dir = resolve(values.dir ?? '.leye-data/county');
  const port = Number(values.port ?? 5984);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) fail(`--port must be a port number, got ${values.port}`);
  const secretsFile = resolve(dir, 'demo-secrets.json');
  const fresh = !existsSync(resolve(dir, 'config.json'));
  if (!fresh && !existsSync(secretsFile)) fail(`${dir} holds a server but not demo-secrets.json; delete the folder to start over`);

  console.log(`Starting PouchDB Server on 127.0.0.1:${port} with data in ${dir} …`);
  let supervisor;
  try {
    supervisor = await superviseCountyServer({ dir, port }, (line) => console.error(`[${new Date().toISOString()}] ${line}`));
  } catch (e) {
    fail(`${(e as Error).message.split('\n')[0]}\n(is port ${port} taken? try --port)`);
  }
  const server = supervisor.current();
  const stop = () => void supervisor.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const secrets: DemoSecrets = fresh
    ? { admin: { user: 'admin', password: randomAdminPassword() }, accounts: {} }
    : (JSON.parse(readFileSync(secretsFile, 'utf8')) as DemoSecrets);
  if (fresh) {
    await createServerAdmin(server.url, secrets.admin.user, secrets.admin.password);
    writeFileSync(secretsFile, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600 });
  }
  const result = await provisionCounty(server.url, secrets.admin, demoPlan());
  for (const a of result.created) secrets.accounts[a.name] = { password: a.password, place: a.place, ...(a.signingKey ? { signingKey: a.signingKey } : {}) };
  // Demo only: a real county never stores account passwords or stations' signing keys.
  writeFileSync(secretsFile, JSON.stringify(secrets, null, 2) + '\n', { mode: 0o600 });

  console.log(`\n乐业驿站 demo county server: ${server.url}   (admin ${secrets.admin.user} / ${secrets.admin.password})`);
  console.log(`County ${demoPlan().county} ${placeName(demoPlan().county)}; data in ${dir}\n`);
  if (result.changes.length === 0) console.log('Already provisioned: nothing changed.');
  for (const c of result.changes) console.log(`  + ${c}`);
  const created = new Set(result.created.map((a) => a.name));
  console.log('\nDemo accounts:');
  for (const [name, a] of Object.entries(secrets.accounts)) {
    const note = created.has(name) ? '  (new)' : '  (already provisioned)';
    printAccount({ name, password: a.password, place: a.place, setupCode: setupCode(server.url, name, a.password, a.place, result.countySecret, a.signingKey) }, note);
  }
  for (const name of result.existing.filter((n) => !secrets.accounts[n])) console.log(`  ${name}: already provisioned (password not stored)`);
  console.log('\nRunning; Ctrl+C to stop.');
}

async function main(): Promise<void> {
  const [cmd, ...rest] = process.argv.slice(2);
  try {
    if (cmd === 'provision') await provisionCommand(rest);
    else if (cmd === 'demo') await demoCommand(rest);
    else fail(`unknown command ${cmd ?? '(none)'}\n\n${USAGE}`);
  } catch (e) {
    if (e instanceof CouchError) {
      const hint = e.status === 401 ? ' (check the admin credentials)' : e.status === 403 ? ' (the account lacks the rights)' : '';
      fail(`${e.message}${hint}`);
    }
    fail((e as Error).message);
  }
}

void main();
