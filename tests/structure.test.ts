// Issue 13's structure, kept: one home per domain, small files, the document types and their id
// prefixes in one registry, core.ts only wiring.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENTS, DOCUMENT_TYPES } from '../shared/documents/registry';

const ROOTS = ['src-main/core', 'shared', 'src-renderer'];
const TEXT_TABLE = /(^|\/)(i18n\/|texts\.ts$)|\/data\//;

function sources(roots: string[], filter: (file: string) => boolean = () => true): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$|\.d\.ts$/.test(entry.name) && filter(full)) out.push(full);
    }
  };
  for (const root of roots) walk(root);
  return out;
}

const lines = (file: string) => fs.readFileSync(file, 'utf8').split('\n').length;

describe('the layout (issue 13)', () => {
  it('has no source file over 500 lines in the core, shared or the renderer (text tables and generated data aside)', () => {
    const big = sources(ROOTS, (f) => !TEXT_TABLE.test(f) && !f.includes('/testing/'))
      .map((f) => [f, lines(f)] as const)
      .filter(([, n]) => n > 500);
    expect(big).toEqual([]);
  });

  it('keeps core.ts to wiring', () => {
    expect(lines('src-main/core/core.ts')).toBeLessThanOrEqual(250);
  });

  it('names each document prefix only in the registry', () => {
    const prefixes = DOCUMENT_TYPES.map((t) => DOCUMENTS[t].prefix);
    const literal = new RegExp(`(['\`]|/\\^)(${prefixes.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`);
    const offenders = sources([...ROOTS, 'src-main/host', 'src-main/app', 'county', 'bench'], (f) => !f.startsWith(path.join('shared', 'documents')))
      .flatMap((f) => fs.readFileSync(f, 'utf8').split('\n').map((line, i) => ({ at: `${f}:${i + 1}`, line })))
      // Comments may name an id's shape; CouchDB role names (`station:<code>`, county/designDocs.ts)
      // are not document ids.
      .filter(({ line }) => literal.test(line) && !/^\s*(\/\/|\/?\*)/.test(line) && !/\bhas\('|^\s*(station|township|county): \(code/.test(line))
      .map(({ at, line }) => `${at}: ${line.trim()}`);
    expect(offenders).toEqual([]);
  });
});
