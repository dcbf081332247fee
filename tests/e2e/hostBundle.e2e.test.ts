// The built core hosts (issue 18): V8 keeps a script's source for as long as its functions
// live, and one character beyond Latin-1 makes it hold the whole text at two bytes a character.
// (The escapes mean the same: the e2e tests of backups and rosters run this bundle.)
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

describe('the built core hosts', () => {
  it('are ASCII throughout (comments and regular expressions escaped too)', () => {
    for (const file of ['dist/host/node-host.cjs', 'dist/host/utility-host.cjs', 'dist/main/main.cjs']) {
      const text = fs.readFileSync(path.join(root, file), 'utf8');
      const beyond = /[^\t\n\r\x20-\x7e]/.exec(text);
      expect(beyond && text.slice(beyond.index - 60, beyond.index + 20), file).toBeNull();
    }
  });
});
