// What the renderer may ask main to print, checked before any window opens (the renderer is
// untrusted): only our own print routes, and a plain file name for the PDF. No 'electron' here,
// so a unit test can check it.
import { PRINT_HASH } from '../../shared/print/contract';

export function parsePrintHash(value: unknown): string | null {
  return typeof value === 'string' && value.length <= 600 && PRINT_HASH.test(value) ? value : null;
}

/** A file name for the save dialog's suggestion: no folders, no characters Windows refuses, ends in .pdf. */
export function pdfFileName(value: unknown): string {
  const raw = typeof value === 'string' ? value : '';
  const base = raw
    .replace(/^.*[\\/]/, '')
    // eslint-disable-next-line no-control-regex
    .replace(/[<>:"|?*\u0000-\u001f]/g, '')
    .replace(/\.pdf$/i, '')
    .trim()
    .slice(0, 100);
  return `${base || '乐业驿站表格'}.pdf`;
}
