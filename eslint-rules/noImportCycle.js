// Lint rule `leye/no-import-cycle`: no cycle among the project's own modules, type-only imports
// included (a type-only cycle still ties two domains together; import-x/no-cycle skips those).
// The graph is built once per lint run from the source roots, as ../shared/tools/import-cycles.mjs
// builds it, and every file of a cycle is reported with the cycle's members.
import fs from 'node:fs';
import path from 'node:path';

const SPECIFIER = /(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;
const SOURCE = /\.(ts|tsx)$/;
const SKIPPED = /\.(test|spec)\.tsx?$|\.d\.ts$/;

function listSources(roots) {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'dist') walk(full);
      } else if (SOURCE.test(entry.name) && !SKIPPED.test(entry.name)) files.push(full);
    }
  };
  for (const root of roots) if (fs.existsSync(root)) walk(root);
  return files;
}

/** Strongly connected components of more than one file (Tarjan), by file. */
export function importCycles(roots) {
  const files = listSources(roots);
  const known = new Set(files);
  const resolve = (from, spec) => {
    const base = path.resolve(path.dirname(from), spec);
    for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) if (known.has(c)) return c;
    return null;
  };
  const edges = new Map(files.map((f) => [f, []]));
  for (const file of files) {
    for (const m of fs.readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      const target = resolve(file, m[1] ?? m[2]);
      if (target) edges.get(file).push(target);
    }
  }
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const cycleOf = new Map();
  const visit = (v) => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), index.get(w)));
    }
    if (low.get(v) === index.get(v)) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) for (const f of component) cycleOf.set(f, component);
    }
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return cycleOf;
}

const cache = new Map();

export const noImportCycle = {
  meta: {
    type: 'problem',
    docs: { description: 'Forbid import cycles among the project source files (type-only imports included).' },
    schema: [{ type: 'object', properties: { roots: { type: 'array', items: { type: 'string' } } }, additionalProperties: false }],
    messages: { cycle: 'Import cycle: {{members}}. Move what both sides need into a module of its own.' },
  },
  create(context) {
    const roots = (context.options[0]?.roots ?? ['src-main', 'shared', 'src-renderer', 'county']).map((r) => path.resolve(context.cwd, r));
    const key = roots.join('\0');
    if (!cache.has(key)) cache.set(key, importCycles(roots));
    const members = cache.get(key).get(path.resolve(context.physicalFilename));
    if (!members) return {};
    return {
      Program(node) {
        const names = members.map((f) => path.relative(context.cwd, f)).sort();
        context.report({ node, messageId: 'cycle', data: { members: names.join(' ↔ ') } });
      },
    };
  },
};

export default { rules: { 'no-import-cycle': noImportCycle } };
