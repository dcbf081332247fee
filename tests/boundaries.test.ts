// The architecture's import boundaries are lint rules; this proves the rules bite.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

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
