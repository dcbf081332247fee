// A minimal .xlsx writer for ledgers: each sheet's XML built as text (inline strings, bold frozen
// header row, column widths, wrapped long texts, bold total rows) and zipped with Node's zlib. exceljs's streaming
// writer spends most of a 100,000-row ledger on per-cell objects; this does the same file in a
// fraction of the time. Reading rosters stays with exceljs.
import zlib from 'node:zlib';

export type Cell = string | number | null;

export interface SheetSpec {
  name: string;
  /** `wrap`: long texts wrap within the column's width (the row grows), aligned at the top. */
  columns: { header: string; width: number; wrap?: boolean; /** Amounts in yuan, shown with two decimals (#,##0.00). */ money?: boolean }[];
  /** A bold line above the header row (the header and the rows then start one row lower). */
  title?: string;
  /** Columns kept in view when scrolling sideways (e.g. 序号 and 姓名). */
  frozenColumns?: number;
  /** Printed on A4 landscape, fitted to the page's width, the header rows repeated on every page. */
  landscape?: boolean;
}

/** A row written bold (a 合计 row). */
export interface BoldRow {
  bold: Cell[];
}
export type Row = Cell[] | BoldRow;

// Characters XML 1.0 does not allow (control characters, lone surrogates' replacements aside).
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function escapeXml(text: string): string {
  return text.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function cellXml(ref: string, value: Cell, style: string): string {
  if (value === null || value === '') return '';
  if (typeof value === 'number' && Number.isFinite(value)) return `<c r="${ref}"${style}><v>${value}</v></c>`;
  const text = String(value);
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${escapeXml(text)}</t></is></c>`;
}

/** The frozen pane: the header rows, and the first columns when asked. */
function paneXml(spec: SheetSpec, top: number): string {
  const x = spec.frozenColumns ?? 0;
  const corner = `${columnLetter(x)}${2 + top}`;
  const split = x ? `xSplit="${x}" ` : '';
  return `<pane ${split}ySplit="${1 + top}" topLeftCell="${corner}" activePane="${x ? 'bottomRight' : 'bottomLeft'}" state="frozen"/>`;
}

function sheetXml(spec: SheetSpec, rows: Iterable<Row>): Buffer {
  const letters = spec.columns.map((_, i) => columnLetter(i));
  const wrapped = spec.columns.map((c) => (c.money ? ' s="3"' : c.wrap ? ' s="2"' : ''));
  const boldStyle = spec.columns.map((c) => (c.money ? ' s="4"' : ' s="1"'));
  const top = spec.title ? 1 : 0;
  const parts: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    spec.landscape ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '',
    `<sheetViews><sheetView workbookViewId="0">${paneXml(spec, top)}</sheetView></sheetViews>`,
    '<sheetFormatPr defaultRowHeight="15"/>',
    `<cols>${spec.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('')}</cols>`,
    '<sheetData>',
    ...(spec.title ? [`<row r="1">${cellXml('A1', spec.title, ' s="1"')}</row>`] : []),
    `<row r="${1 + top}">${spec.columns.map((c, i) => cellXml(`${letters[i]}${1 + top}`, c.header, ' s="1"')).join('')}</row>`,
  ];
  let r = 1 + top;
  let chunk = '';
  for (const row of rows) {
    r += 1;
    const bold = !Array.isArray(row);
    const cells = Array.isArray(row) ? row : row.bold;
    let xml = `<row r="${r}">`;
    for (let i = 0; i < cells.length; i++) xml += cellXml(`${letters[i] ?? columnLetter(i)}${r}`, cells[i] ?? null, bold ? (boldStyle[i] ?? ' s="1"') : (wrapped[i] ?? ''));
    chunk += `${xml}</row>`;
    // Join in chunks: one huge string built by += is slow to flatten at the end.
    if (chunk.length > 1 << 20) {
      parts.push(chunk);
      chunk = '';
    }
  }
  const page = spec.landscape ? '<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' : '';
  parts.push(chunk, `</sheetData>${page}</worksheet>`);
  return Buffer.from(parts.join(''), 'utf8');
}

function contentTypes(sheets: number): string {
  const overrides = Array.from(
    { length: sheets },
    (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    overrides +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'
  );
}
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
/** rId1…rIdN the sheets, rId(N+1) the styles. */
function workbookRels(sheets: number): string {
  const links = Array.from(
    { length: sheets },
    (_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  ).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    links +
    `<Relationship Id="rId${sheets + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`
  );
}
const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="宋体"/><family val="2"/></font><font><b/><sz val="11"/><name val="宋体"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

function workbookXml(names: string[], specs: SheetSpec[]): string {
  const sheets = names.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  // A landscape sheet prints its title and header rows on every page.
  const titles = specs
    .map((spec, i) => (spec.landscape ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">'${escapeXml(names[i]!.replace(/'/g, "''"))}'!$1:$${spec.title ? 2 : 1}</definedName>` : ''))
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<sheets>${sheets}</sheets>${titles ? `<definedNames>${titles}</definedNames>` : ''}</workbook>`
  );
}

let crcTable: Int32Array | null = null;
function crc32(data: Buffer): number {
  const native = (zlib as unknown as { crc32?: (d: Buffer) => number }).crc32;
  if (native) return native(data) >>> 0;
  crcTable ??= Int32Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c;
  });
  let crc = -1;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/** A zip of deflated entries (no zip64: a ledger is far below 4 GB). */
function zip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const deflated = zlib.deflateRawSync(entry.data, { level: 6 });
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(0, 10); // time/date: none
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, deflated);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(deflated.length, 20);
    central.writeUInt32LE(entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + deflated.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

/** A sheet's name as Excel allows it: no \\ / ? * [ ] :, at most 31 characters, unique in the book. */
function sheetNames(specs: SheetSpec[]): string[] {
  const used = new Set<string>();
  return specs.map((spec, i) => {
    let name = spec.name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || `Sheet${i + 1}`;
    if (used.has(name.toLowerCase())) name = `${name.slice(0, 27)} (${i + 1})`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** A workbook of several worksheets, each with a bold, frozen header row and then its rows. */
export function xlsxBook(sheets: { spec: SheetSpec; rows: Iterable<Row> }[]): Buffer {
  const names = sheetNames(sheets.map((s) => s.spec));
  return zip([
    { name: '[Content_Types].xml', data: Buffer.from(contentTypes(sheets.length)) },
    { name: '_rels/.rels', data: Buffer.from(ROOT_RELS) },
    { name: 'xl/workbook.xml', data: Buffer.from(workbookXml(names, sheets.map((s) => s.spec))) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(workbookRels(sheets.length)) },
    { name: 'xl/styles.xml', data: Buffer.from(STYLES) },
    ...sheets.map((s, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: sheetXml(s.spec, s.rows) })),
  ]);
}

/** One worksheet: a bold, frozen header row and then the rows. */
export function xlsx(spec: SheetSpec, rows: Iterable<Row>): Buffer {
  return xlsxBook([{ spec, rows }]);
}
