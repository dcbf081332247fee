// The packaging configuration, checked in CI without building (electron-builder cannot download
// Electron here): electron-builder.yml is loaded and validated by electron-builder's own code
// against its own schema, then held to what the project needs (README, "Packaging").
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string; productName: string };
const quietLogger = { isEnabled: false, add: () => {} } as unknown as Parameters<typeof validateConfiguration>[1];

let config: Configuration;
beforeAll(async () => {
  config = await getConfig(root, null, null);
}, 60_000);

type TargetEntry = string | { target: string; arch?: string | string[] };
const targets = (value: unknown): { target: string; arch: string[] }[] =>
  ([] as TargetEntry[]).concat((value ?? []) as TargetEntry | TargetEntry[]).map((t) => (typeof t === 'string' ? { target: t, arch: [] } : { target: t.target, arch: ([] as string[]).concat(t.arch ?? []) }));

/** Whether a path inside the app is packed, by electron-builder's rule: the last matching pattern wins. */
function packed(file: string, patterns: string[]): boolean {
  let included = false;
  for (const pattern of patterns) {
    const exclude = pattern.startsWith('!');
    if (path.posix.matchesGlob(file, exclude ? pattern.slice(1) : pattern)) included = !exclude;
  }
  return included;
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validateConfiguration(config, quietLogger)).resolves.toBeUndefined();
  });

  it('is the check a broken configuration fails (control)', async () => {
    await expect(validateConfiguration({ ...config, win: { target: 'nsis', installerIcon: 3 } } as unknown as Configuration, quietLogger)).rejects.toThrow(/configuration/);
  });

  it('names the app: app id and the Chinese product name (also the userData folder name)', () => {
    expect(config.appId).toBe('cn.gov.sd.leye.station');
    expect(config.productName).toBe('乐业驿站');
    expect(pkg.productName).toBe('乐业驿站');
  });

  it('builds a Windows x64 NSIS installer that keeps the station data on uninstall', () => {
    expect(targets(config.win?.target)).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false);
    expect(config.nsis?.oneClick).toBe(false);
  });

  it('builds Linux AppImage and deb packages, with a maintainer for the deb', () => {
    expect(targets(config.linux?.target).map((t) => t.target).sort()).toEqual(['AppImage', 'deb']);
    expect(config.linux?.maintainer).toMatch(/<[^>]+@[^>]+>/);
  });

  it('has its icons in build/: a PNG of at least 512 px and an ICO with a 256 px image', () => {
    expect(config.directories?.buildResources).toBe('build');
    const png = readFileSync(path.join(root, config.linux?.icon ?? 'build/icon.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512); // IHDR width
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(512); // IHDR height
    const ico = readFileSync(path.join(root, config.win?.icon ?? 'build/icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1); // type 1: icon
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + 16 * i] || 256);
    expect(sizes).toContain(256);
    expect(sizes).toContain(16);
  });

  it("unpacks leveldown's native module from the asar archive", () => {
    const unpack = ([] as string[]).concat(config.asarUnpack ?? []);
    expect(config.asar).not.toBe(false);
    for (const file of ['node_modules/leveldown/prebuilds/win32-x64/node.napi.node', 'node_modules/leveldown/prebuilds/linux-x64/node.napi.glibc.node']) {
      expect(unpack.some((p) => path.posix.matchesGlob(file, p)), file).toBe(true);
    }
    // The addon the app loads really is there (the packaged app gets the same package).
    expect(existsSync(path.join(root, 'node_modules/leveldown/prebuilds/linux-x64'))).toBe(true);
  });

  it('packs the built app (main entry, preload, core host, renderer) and not the tests or the benchmark', () => {
    // electron-builder normalises `files` to [{ filter: [...] }].
    const files = ([] as unknown[]).concat(config.files ?? []).flatMap((f) => (typeof f === 'string' ? [f] : ([] as string[]).concat((f as { filter?: string | string[] }).filter ?? [])));
    expect(files.length).toBeGreaterThan(0);
    for (const file of [pkg.main, 'dist/main/preload.cjs', 'dist/host/utility-host.cjs', 'dist/renderer/index.html', 'package.json']) {
      expect(packed(file, files), file).toBe(true);
    }
    for (const file of ['tests/e2e/harness.ts', 'src-main/core/core.test.ts', 'dist/bench/bench.cjs', 'src-main/core/core.ts', '.leye-data/preview/station/CURRENT']) {
      expect(packed(file, files), file).toBe(false);
    }
  });

  it('points package.json main at what the build writes for the main process', () => {
    expect(pkg.main).toBe('dist/main/main.cjs');
    const build = readFileSync(path.join(root, 'scripts/build-node.mjs'), 'utf8');
    expect(build).toContain("'main/main': 'src-main/app/main.ts'");
  });

  it('sets the fuses: no run-as-node, no NODE_OPTIONS or --inspect, app only from the asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });
});
