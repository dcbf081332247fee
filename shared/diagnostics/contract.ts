// About and diagnostics: what a support person asks for on the phone, and a support bundle
// (about + recent log lines) the clerk can send. Neither holds personal data: counts, versions,
// sizes and states only; the log is redacted when written and again when bundled.
// Part of the one handler map (see handlers.ts); built with the blocks in define.ts.
//
// All roles: a village clerk alone at the station is the one who calls county IT, and nothing
// here is more than a count or a version, so there is nothing to keep from any signed-in role.

import type { FileView } from '../common/fields';
import { ALL_ROLES, handler, none } from '../rpc/define';

export interface DiagnosticsAbout {
  /** The app's version (the core and the app are released together). */
  version: string;
  station: { placeCode: string; level: 'village' | 'township' | 'county'; name: string; demo: boolean } | null;
  database: { updateSeq: number; docCount: number };
  /** The data folder's size on disk (database, search index, logs). */
  dataFolder: { bytes: number; files: number };
  sync: { connected: boolean; state: 'never' | 'idle' | 'syncing' | 'failed'; lastSuccessAt: string | null; waiting: number; failure: string | null };
  /** The newest local backup, when the station keeps backups. */
  lastBackupAt: string | null;
  versions: { node: string; electron: string | null; v8: string };
  os: { platform: string; release: string; arch: string; memoryMB: number; freeMemoryMB: number };
  logs: { files: number; bytes: number };
  generatedAt: string;
  tookMs: number;
}

/** Documents by type (the id's prefix): a scan of every id, seconds at 100,000 documents, so apart from `about`. */
export interface DiagnosticsDocuments {
  documents: { type: string; count: number }[];
  tookMs: number;
}

/** A gzipped JSON file: { about, documents, logLines }. */
export interface DiagnosticsBundle extends FileView {
  logLines: number;
}

export const diagnosticsHandlers = {
  'diagnostics.about': handler<DiagnosticsAbout>()(none, ALL_ROLES),
  'diagnostics.documents': handler<DiagnosticsDocuments>()(none, ALL_ROLES),
  /** about + the latest log lines as .json.gz, offered as a download. */
  'diagnostics.bundle': handler<DiagnosticsBundle>()(none, ALL_ROLES),
} as const;
