// Packages the core loads when first used, not at start (issue 18: the host's memory). Requiring
// exceljs costs about 9 MB of heap and 30 MB of RSS, pinyin-pro's dictionary 3 MB and 15 MB; a
// village that browses its residents needs neither. A plain `require` inside a function: the
// host bundle leaves the package external and loads it on this call (a dynamic import() would
// go through the ESM loader), and the first call pays the load once.
import type ExcelJS from 'exceljs';
import type { pinyin } from 'pinyin-pro';

/* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use, see above */
let excelModule: typeof ExcelJS | null = null;
let pinyinModule: typeof pinyin | null = null;

/** exceljs, loaded on the first workbook read or written. */
export function excel(): typeof ExcelJS {
  excelModule ??= require('exceljs') as typeof ExcelJS;
  return excelModule;
}

/** pinyin-pro's `pinyin`, loaded on the first name the search index reads. */
export function pinyinPro(): typeof pinyin {
  pinyinModule ??= (require('pinyin-pro') as { pinyin: typeof pinyin }).pinyin;
  return pinyinModule;
}
