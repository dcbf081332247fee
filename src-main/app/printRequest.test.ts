import { describe, expect, it } from 'vitest';
import { parsePrintHash, pdfFileName } from './printRequest';

describe('print requests from the renderer', () => {
  it('accepts our print routes only', () => {
    expect(parsePrintHash('#/print/attendance/post%3AGY-050/2026-10')).toBe('#/print/attendance/post%3AGY-050/2026-10');
    expect(parsePrintHash('#/print/hardshipNotice/2026-11-01/2026-11-20/2026-11-23/2026-11-27/0531-86001234')).not.toBeNull();
    for (const bad of ['https://evil.example/#/print/x/y', '#/residents', '#/print/attendance', '#/print/a/b?c', '#/print/a/<script>', 42, null]) {
      expect(parsePrintHash(bad)).toBeNull();
    }
  });

  it('turns any suggestion into a plain .pdf file name', () => {
    expect(pdfFileName('公益性岗位考勤表 2026-10')).toBe('公益性岗位考勤表 2026-10.pdf');
    expect(pdfFileName('../../etc/passwd')).toBe('passwd.pdf');
    expect(pdfFileName('C:\\Users\\x\\a:b*.PDF')).toBe('ab.pdf');
    expect(pdfFileName('')).toBe('乐业驿站表格.pdf');
  });
});
