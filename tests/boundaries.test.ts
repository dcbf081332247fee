// The architecture's import boundaries are lint rules; this proves the rules bite.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import leye, { importCycles } from '../eslint-rules/noImportCycle.js';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import boundaries (eslint.config.js)', () => {
  it('keeps Node, Electron and React out of shared/', async () => {
    expect(await restrictedImports('shared/x.ts', "import fs from 'node:fs';\nexport const a = fs;")).toHaveLength(1);
    expect(await restrictedImports('shared/x.ts', "import path from 'path';\nexport const a = path;")).toHaveLength(1);
    expect(await restrictedImports('shared/x.ts', "import { app } from 'electron';\nexport const a = app;")).toHaveLength(1);
    expect(await restrictedImports('shared/x.ts', "import React from 'react';\nexport const a = React;")).toHaveLength(1);
    expect(await restrictedImports('shared/x.ts', "import { z } from 'zod';\nexport const a = z;")).toHaveLength(0);
  });

  it('keeps Node, Electron and the core out of src-renderer/', async () => {
    expect(await restrictedImports('src-renderer/x.ts', "import fs from 'fs';\nexport const a = fs;")).toHaveLength(1);
    expect(await restrictedImports('src-renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;")).toHaveLength(1);
    expect(await restrictedImports('src-renderer/x.ts', "import { Core } from '../src-main/core/core';\nexport const a = Core;")).toHaveLength(1);
    expect(await restrictedImports('src-renderer/x.tsx', "import React from 'react';\nexport const a = React;")).toHaveLength(0);
  });

  it('lets only src-main/app/ import electron', async () => {
    expect(await restrictedImports('src-main/core/x.ts', "import { app } from 'electron';\nexport const a = app;")).toHaveLength(1);
    expect(await restrictedImports('src-main/host/x.ts', "import { utilityProcess } from 'electron';\nexport const a = utilityProcess;")).toHaveLength(1);
    expect(await restrictedImports('src-main/app/x.ts', "import { app } from 'electron';\nexport const a = app;")).toHaveLength(0);
  });
});

describe('import cycles (leye/no-import-cycle)', () => {
  // The two cycles issue 13 found, rebuilt in a folder of their own: core.ts ↔ access.ts through a
  // type-only import of Session, and context.ts ↔ policy.ts (a value one way, a type the other).
  const FIXTURE: Record<string, string> = {
    'core.ts': "import { AccessService } from './access';\nexport interface Session { user: string | null }\nexport const access = new AccessService();\n",
    'access.ts': "import type { Session } from './core';\nexport class AccessService { login(_s: Session) {} }\n",
    'context.ts': "import type { PolicyStore } from './policy';\nexport interface CoreContext { policies: PolicyStore }\nexport function fail(): never { throw new Error(); }\n",
    'policy.ts': "import { fail } from './context';\nexport class PolicyStore { save() { fail(); } }\n",
    'posts.ts': "import type { CoreContext } from './context';\nexport const posts = (c: CoreContext) => c;\n",
  };

  async function lintFixture(files: Record<string, string>): Promise<Map<string, string[]>> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leye-cycles-'));
    try {
      for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
      const lint = new ESLint({
        cwd: dir,
        overrideConfigFile: true,
        overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, plugins: { leye }, rules: { 'leye/no-import-cycle': ['error', { roots: ['.'] }] } }],
      });
      const results = await lint.lintFiles(['*.ts']);
      return new Map(results.map((r) => [path.basename(r.filePath), r.messages.filter((m) => m.ruleId === 'leye/no-import-cycle').map((m) => m.message)]));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  it('reports both old cycles, type-only imports included, in every file of each', async () => {
    const found = await lintFixture(FIXTURE);
    expect(found.get('core.ts')).toEqual(['Import cycle: access.ts ↔ core.ts. Move what both sides need into a module of its own.']);
    expect(found.get('access.ts')).toHaveLength(1);
    expect(found.get('context.ts')).toEqual(['Import cycle: context.ts ↔ policy.ts. Move what both sides need into a module of its own.']);
    expect(found.get('policy.ts')).toHaveLength(1);
    expect(found.get('posts.ts')).toEqual([]);
  });

  it('is quiet once the shared type has a module of its own', async () => {
    const found = await lintFixture({
      ...FIXTURE,
      'session.ts': 'export interface Session { user: string | null }\n',
      'access.ts': "import type { Session } from './session';\nexport class AccessService { login(_s: Session) {} }\n",
      'policy.ts': "import { fail } from './validation';\nexport class PolicyStore { save() { fail(); } }\n",
      'validation.ts': 'export function fail(): never { throw new Error(); }\n',
    });
    expect([...found.values()].flat()).toEqual([]);
  });

  it('finds none in the project', () => {
    expect([...importCycles(['src-main', 'shared', 'src-renderer', 'county'].map((r) => path.resolve(r))).values()]).toEqual([]);
  });
});
