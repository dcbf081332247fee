// About / diagnostics (shared/rpc/diagnosticsHandlers.ts): counts, versions, sizes and states
// for a support person, and the support bundle (about + recent log lines, gzipped JSON).
// Nothing personal: documents are counted by their id's type prefix, never read.
import { readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { stationLevel } from '../../../shared/places';
import type { DiagnosticsAbout, DiagnosticsDocuments } from '../../../shared/diagnostics/contract';
import type { SyncStatus } from '../../../shared/rpc/handlers';
import { MAIN_LOG_FILE, StationLog, redact } from '../log/log';
import { createApp } from '../app';
import type { ModuleDeps } from '../modules';

const gzipAsync = promisify(gzip);

export interface DiagnosticsDeps extends ModuleDeps {
  dataDir: string;
  log: StationLog;
  version: string;
  /** The newest local backup's time, when backups exist. */
  lastBackupAt?: () => Promise<string | null>;
}

/** Log lines a bundle carries at most (text size): the newest ones. */
const BUNDLE_LOG_BYTES = 2 * 1024 * 1024;

async function folderSize(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  const walk = async (folder: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) {
        try {
          bytes += (await stat(full)).size;
          files += 1;
        } catch {
          // Gone between listing and stat (a LevelDB compaction): not counted.
        }
      }
    }
  };
  await walk(dir);
  return { bytes, files };
}

function stamp(iso: string): string {
  return iso.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
}

export function diagnosticsApp(deps: DiagnosticsDeps) {
  async function about(): Promise<DiagnosticsAbout> {
    const started = performance.now();
    const { ctx, sync, dataDir, log, version, lastBackupAt } = deps;
    const config = ctx.station();
    const info = await ctx.db.info();
    const status: SyncStatus = await sync.status();
    const logFiles = log.logFiles();
    let logBytes = 0;
    for (const file of logFiles) logBytes += (await stat(file).catch(() => ({ size: 0 }))).size;
    return {
      version,
      station: { placeCode: config.placeCode, level: stationLevel(config.placeCode), name: config.name, demo: config.demo },
      database: { updateSeq: Number(info.update_seq), docCount: info.doc_count },
      dataFolder: await folderSize(dataDir),
      sync: {
        connected: status.connected,
        state: status.state,
        lastSuccessAt: status.lastSuccessAt,
        waiting: status.waiting,
        failure: status.failure?.reason ?? null,
      },
      lastBackupAt: lastBackupAt ? await lastBackupAt().catch(() => null) : null,
      versions: { node: process.versions.node, electron: process.versions.electron ?? null, v8: process.versions.v8 },
      os: {
        platform: process.platform,
        release: os.release(),
        arch: process.arch,
        memoryMB: Math.round(os.totalmem() / 1024 / 1024),
        freeMemoryMB: Math.round(os.freemem() / 1024 / 1024),
      },
      logs: { files: logFiles.length, bytes: logBytes },
      generatedAt: ctx.now(),
      tookMs: Math.round(performance.now() - started),
    };
  }

  async function documents(): Promise<DiagnosticsDocuments> {
    const started = performance.now();
    // Ids only: the type is the id's prefix (resident:…, attendance:…), no document is read.
    const ids = await deps.ctx.db.allDocs();
    const byType = new Map<string, number>();
    for (const row of ids.rows) {
      const type = row.id.startsWith('_design/') ? '_design' : row.id.slice(0, Math.max(0, row.id.indexOf(':'))) || 'other';
      byType.set(type, (byType.get(type) ?? 0) + 1);
    }
    return {
      documents: [...byType].map(([type, count]) => ({ type, count })).sort((a, b) => a.type.localeCompare(b.type)),
      tookMs: Math.round(performance.now() - started),
    };
  }

  return createApp(
    'diagnostics',
    {
      'diagnostics.about': async () => about(),
      'diagnostics.documents': async () => documents(),
      'diagnostics.bundle': async (_args, session) => {
        const { ctx, log } = deps;
        const info = await about();
        const counts = await documents();
        const logLines = log.recent(BUNDLE_LOG_BYTES);
        // The Electron main process's lines (core exits and restarts), when there is one.
        const mainLogLines = new StationLog({ dir: log.dir, name: MAIN_LOG_FILE, files: 2 }).recent(BUNDLE_LOG_BYTES / 8);
        // Redacted once more as a whole: the bundle leaves the machine.
        const json = redact(JSON.stringify({ format: 'leye-support-bundle', formatVersion: 1, about: info, documents: counts.documents, logLines, mainLogLines }, null, 1));
        const content = (await gzipAsync(Buffer.from(json, 'utf8'))).toString('base64');
        await ctx.audit(session.user!, 'export', 'diagnostics', 'bundle', '');
        log.info('diagnostics.bundle', { logLines: logLines.length });
        return { fileName: `乐业驿站诊断-${info.station?.placeCode ?? 'station'}-${stamp(info.generatedAt)}.json.gz`, content, logLines: logLines.length };
      },
    },
    {},
  );
}
