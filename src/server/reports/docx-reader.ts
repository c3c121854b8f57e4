/**
 * Reads a DOCX back for tests: paragraph texts, tables as string[][], section properties (page size,
 * orientation, margins), fonts and default size. It reads direct formatting only (run and paragraph
 * properties written on the element, plus the document defaults in styles.xml); style inheritance
 * other than the defaults is not resolved.
 *
 * Not a general importer: src/server/plans/files/read-grid.ts reads appendix tables from user files.
 */
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';

// ───────────────────────────── public types ─────────────────────────────

export interface DocxRun {
  text: string;
  bold: boolean;
  italic: boolean;
  /** half-points, when the run sets it */
  size?: number;
  /** w:rFonts w:ascii, when the run sets it */
  font?: string;
}

export interface DocxParagraph {
  kind: 'paragraph';
  /** runs joined; tab → '\t', line break → '\n' */
  text: string;
  /** runs holding text (empty runs left out) */
  runs: DocxRun[];
  /** w:jc: 'left' | 'center' | 'right' | 'both' …; undefined when not set */
  alignment?: string;
  /** w:ind w:firstLine in twips */
  firstLine?: number;
  /** every text run is bold / italic (false when there is no text) */
  bold: boolean;
  italic: boolean;
  /**
   * The paragraph begins a new page: w:pageBreakBefore, a page break before its text or at the end of
   * the previous paragraph, or it is the first block of a section that starts on a new page.
   */
  startsPage: boolean;
  /** index into `sections` */
  section: number;
}

export interface DocxCell {
  text: string;
  /** all text runs of the cell bold */
  bold: boolean;
  /** w:jc of the cell's first paragraph */
  alignment?: string;
  /** w:gridSpan (1 when not set) */
  span: number;
  /** w:vMerge: 'restart' starts a vertical merge, 'continue' is covered by the cell above */
  vMerge?: 'restart' | 'continue';
}

export interface DocxTable {
  kind: 'table';
  /**
   * Cell texts on the table's grid: a cell spanning n columns is followed by n−1 '' and a cell
   * continuing a vertical merge is ''.
   */
  rows: string[][];
  /** the w:tc elements of each row as written (not padded) */
  cells: DocxCell[][];
  /** leading rows marked w:tblHeader (repeated on each page) */
  headerRows: number;
  /** w:gridCol widths in twips */
  columnWidths: number[];
  /** no visible outer or inside borders (a layout table) */
  borderless: boolean;
  startsPage: boolean;
  section: number;
}

export type DocxBlock = DocxParagraph | DocxTable;

export interface DocxSection {
  /** w:pgSz in twips, as written (landscape pages have width > height) */
  width: number;
  height: number;
  orientation: 'portrait' | 'landscape';
  margin: { top: number; bottom: number; left: number; right: number; header?: number; footer?: number };
  /** w:type: 'nextPage' when not set */
  type: string;
  titlePage: boolean;
}

export interface DocxReading {
  /** body-level paragraphs and tables in order */
  blocks: DocxBlock[];
  /** body-level paragraphs */
  paragraphs: DocxParagraph[];
  /** body-level tables */
  tables: DocxTable[];
  /** the text of every paragraph in document order, inside tables too */
  lines: string[];
  sections: DocxSection[];
  /** docDefaults run properties of styles.xml */
  defaults: { font?: string; size?: number };
  /** every font named by w:rFonts in the document, styles, headers and footers */
  fonts: string[];
  /** the raw word/document.xml */
  documentXml: string;
}

// ───────────────────────────── XML nodes ─────────────────────────────

/** fast-xml-parser's preserveOrder node: `{ 'w:p': [children], ':@': { '@_w:val': … } }` or `{ '#text': … }`. */
type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

function tagOf(node: XmlNode): string {
  for (const key of Object.keys(node)) if (key !== ':@') return key;
  return '';
}

function childrenOf(node: XmlNode | undefined): XmlNode[] {
  if (!node) return [];
  const value = node[tagOf(node)];
  return Array.isArray(value) ? (value as XmlNode[]) : [];
}

function child(node: XmlNode | undefined, tag: string): XmlNode | undefined {
  return childrenOf(node).find((c) => tagOf(c) === tag);
}

function attr(node: XmlNode | undefined, name: string): string | undefined {
  const attrs = node?.[':@'];
  if (!attrs || typeof attrs !== 'object') return undefined;
  const value = (attrs as Record<string, unknown>)[`@_${name}`];
  return value === undefined ? undefined : String(value);
}

function numberAttr(node: XmlNode | undefined, name: string): number | undefined {
  const value = attr(node, name);
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** An on/off property (w:b, w:tblHeader …): present and not switched off by w:val. */
function isOn(node: XmlNode | undefined): boolean {
  if (!node) return false;
  const value = attr(node, 'w:val');
  return value === undefined || !['0', 'false', 'off'].includes(value);
}

/** Every node with `tag` under `nodes`, depth first. */
function descendants(nodes: XmlNode[], tag: string): XmlNode[] {
  const out: XmlNode[] = [];
  for (const node of nodes) {
    if (tagOf(node) === tag) out.push(node);
    out.push(...descendants(childrenOf(node), tag));
  }
  return out;
}

function parse(xml: string): XmlNode[] {
  return parser.parse(xml) as XmlNode[];
}

// ───────────────────────────── paragraphs ─────────────────────────────

/** Subtrees with no visible text. */
const SKIPPED = new Set(['w:pPr', 'w:rPr', 'w:del', 'w:moveFrom', 'mc:Fallback', 'w:instrText', 'w:delText']);

interface ParagraphContent {
  text: string;
  runs: DocxRun[];
  /** a page break before any text */
  breakBefore: boolean;
  /** a page break after text: the next block starts a page */
  breakAfter: boolean;
}

function runOf(r: XmlNode): DocxRun {
  const rPr = child(r, 'w:rPr');
  let text = '';
  for (const node of childrenOf(r)) {
    const tag = tagOf(node);
    if (tag === 'w:t') {
      for (const c of childrenOf(node)) if (typeof c['#text'] === 'string') text += c['#text'];
    } else if (tag === 'w:tab') text += '\t';
    else if ((tag === 'w:br' || tag === 'w:cr') && attr(node, 'w:type') !== 'page') text += '\n';
  }
  return {
    text,
    bold: isOn(child(rPr, 'w:b')),
    italic: isOn(child(rPr, 'w:i')),
    size: numberAttr(child(rPr, 'w:sz'), 'w:val'),
    font: attr(child(rPr, 'w:rFonts'), 'w:ascii'),
  };
}

function paragraphContent(p: XmlNode): ParagraphContent {
  const content: ParagraphContent = { text: '', runs: [], breakBefore: false, breakAfter: false };
  const walk = (nodes: XmlNode[]) => {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (SKIPPED.has(tag)) continue;
      if (tag === 'w:r') {
        for (const c of childrenOf(node)) {
          if ((tagOf(c) === 'w:br' || tagOf(c) === 'w:cr') && attr(c, 'w:type') === 'page') {
            if (content.text === '') content.breakBefore = true;
            else content.breakAfter = true;
          }
        }
        const run = runOf(node);
        content.text += run.text;
        if (run.text !== '') {
          content.runs.push(run);
          content.breakAfter = false;
        }
      } else if (tag !== '#text') {
        walk(childrenOf(node));
      }
    }
  };
  walk(childrenOf(p));
  return content;
}

function readParagraph(
  p: XmlNode,
  section: number,
  pendingBreak: boolean,
): DocxParagraph & { breakAfter: boolean } {
  const pPr = child(p, 'w:pPr');
  const content = paragraphContent(p);
  const texts = content.runs;
  return {
    kind: 'paragraph',
    text: content.text,
    runs: texts,
    alignment: attr(child(pPr, 'w:jc'), 'w:val'),
    firstLine: numberAttr(child(pPr, 'w:ind'), 'w:firstLine'),
    bold: texts.length > 0 && texts.every((r) => r.bold),
    italic: texts.length > 0 && texts.every((r) => r.italic),
    startsPage: pendingBreak || content.breakBefore || isOn(child(pPr, 'w:pageBreakBefore')),
    section,
    breakAfter: content.breakAfter,
  };
}

// ───────────────────────────── tables ─────────────────────────────

function readCell(tc: XmlNode): DocxCell {
  const tcPr = child(tc, 'w:tcPr');
  const paragraphs = descendants(childrenOf(tc), 'w:p').map(paragraphContent);
  const firstP = descendants(childrenOf(tc), 'w:p')[0];
  const runs = paragraphs.flatMap((p) => p.runs);
  const vMerge = child(tcPr, 'w:vMerge');
  return {
    text: paragraphs
      .map((p) => p.text)
      .join('\n')
      .trim(),
    bold: runs.length > 0 && runs.every((r) => r.bold),
    alignment: attr(child(child(firstP, 'w:pPr'), 'w:jc'), 'w:val'),
    span: Math.max(1, numberAttr(child(tcPr, 'w:gridSpan'), 'w:val') ?? 1),
    vMerge: vMerge ? (attr(vMerge, 'w:val') === 'restart' ? 'restart' : 'continue') : undefined,
  };
}

const VISIBLE_BORDER = (node: XmlNode) => {
  const value = attr(node, 'w:val');
  return value !== undefined && value !== 'none' && value !== 'nil';
};

function readTable(tbl: XmlNode, section: number, startsPage: boolean): DocxTable {
  const trs = childrenOf(tbl).filter((n) => tagOf(n) === 'w:tr');
  const cells = trs.map((tr) =>
    childrenOf(tr)
      .filter((n) => tagOf(n) === 'w:tc')
      .map(readCell),
  );
  const rows = cells.map((row) =>
    row.flatMap((cell) => [
      cell.vMerge === 'continue' ? '' : cell.text,
      ...Array<string>(cell.span - 1).fill(''),
    ]),
  );
  let headerRows = 0;
  while (headerRows < trs.length && isOn(child(child(trs[headerRows], 'w:trPr'), 'w:tblHeader')))
    headerRows++;
  const borders = childrenOf(child(child(tbl, 'w:tblPr'), 'w:tblBorders'));
  return {
    kind: 'table',
    rows,
    cells,
    headerRows,
    columnWidths: childrenOf(child(tbl, 'w:tblGrid')).map((g) => numberAttr(g, 'w:w') ?? 0),
    borderless: borders.length > 0 && !borders.some(VISIBLE_BORDER),
    startsPage,
    section,
  };
}

// ───────────────────────────── sections ─────────────────────────────

function readSection(sectPr: XmlNode): DocxSection {
  const pgSz = child(sectPr, 'w:pgSz');
  const pgMar = child(sectPr, 'w:pgMar');
  const width = numberAttr(pgSz, 'w:w') ?? 0;
  const height = numberAttr(pgSz, 'w:h') ?? 0;
  const orient = attr(pgSz, 'w:orient');
  return {
    width,
    height,
    orientation:
      orient === 'landscape' || (orient === undefined && width > height) ? 'landscape' : 'portrait',
    margin: {
      top: numberAttr(pgMar, 'w:top') ?? 0,
      bottom: numberAttr(pgMar, 'w:bottom') ?? 0,
      left: numberAttr(pgMar, 'w:left') ?? 0,
      right: numberAttr(pgMar, 'w:right') ?? 0,
      header: numberAttr(pgMar, 'w:header'),
      footer: numberAttr(pgMar, 'w:footer'),
    },
    type: attr(child(sectPr, 'w:type'), 'w:val') ?? 'nextPage',
    titlePage: isOn(child(sectPr, 'w:titlePg')),
  };
}

const NEW_PAGE_TYPES = new Set(['nextPage', 'evenPage', 'oddPage']);

// ───────────────────────────── the whole file ─────────────────────────────

function fontsIn(nodes: XmlNode[]): string[] {
  return descendants(nodes, 'w:rFonts').flatMap((f) =>
    ['w:ascii', 'w:hAnsi', 'w:cs', 'w:eastAsia'].flatMap((name) => attr(f, name) ?? []),
  );
}

function readDefaults(styles: XmlNode[]): DocxReading['defaults'] {
  const rPrDefault = descendants(styles, 'w:rPrDefault')[0];
  const rPr = child(rPrDefault, 'w:rPr');
  return {
    font: attr(child(rPr, 'w:rFonts'), 'w:ascii'),
    size: numberAttr(child(rPr, 'w:sz'), 'w:val'),
  };
}

async function partText(zip: JSZip, name: string): Promise<string | null> {
  const file = zip.file(name);
  return file ? file.async('string') : null;
}

/** Reads a DOCX file's body, sections, defaults and fonts. Throws when it has no word/document.xml. */
export async function readDocx(bytes: Uint8Array): Promise<DocxReading> {
  const zip = await JSZip.loadAsync(bytes);
  const documentXml = await partText(zip, 'word/document.xml');
  if (documentXml === null) throw new Error('not a DOCX: no word/document.xml');
  const stylesXml = (await partText(zip, 'word/styles.xml')) ?? '';
  const headerFooterNames = Object.keys(zip.files).filter((n) => /^word\/(header|footer)\d*\.xml$/.test(n));
  const headerFooters = await Promise.all(headerFooterNames.map(async (n) => (await partText(zip, n)) ?? ''));

  const document = parse(documentXml);
  const styles = stylesXml ? parse(stylesXml) : [];
  const body = child(
    document.find((n) => tagOf(n) === 'w:document'),
    'w:body',
  );

  // Sections in order: those ending in a paragraph's w:sectPr, then the body's last w:sectPr.
  const sectPrs = childrenOf(body).flatMap((node) => {
    if (tagOf(node) === 'w:sectPr') return [node];
    if (tagOf(node) === 'w:p') {
      const sectPr = child(child(node, 'w:pPr'), 'w:sectPr');
      return sectPr ? [sectPr] : [];
    }
    return [];
  });
  const sections = sectPrs.map(readSection);

  const blocks: DocxBlock[] = [];
  let section = 0;
  let pendingBreak = false;
  for (const node of childrenOf(body)) {
    const tag = tagOf(node);
    if (tag === 'w:p') {
      const { breakAfter, ...paragraph } = readParagraph(node, section, pendingBreak);
      blocks.push(paragraph);
      // An empty paragraph on top of a new page (one holding just the break) passes the page on.
      pendingBreak = breakAfter || (paragraph.startsPage && paragraph.text.trim() === '');
      if (child(child(node, 'w:pPr'), 'w:sectPr')) {
        section++;
        // The next section's own w:type says how it starts.
        if (NEW_PAGE_TYPES.has(sections[section]?.type ?? '')) pendingBreak = true;
      }
    } else if (tag === 'w:tbl') {
      blocks.push(readTable(node, section, pendingBreak));
      pendingBreak = false;
    }
  }

  const lines = descendants(childrenOf(body), 'w:p').map((p) => paragraphContent(p).text);
  const fonts = [
    ...new Set([
      ...fontsIn(document),
      ...fontsIn(styles),
      ...headerFooters.flatMap((xml) => (xml ? fontsIn(parse(xml)) : [])),
    ]),
  ].sort();

  return {
    blocks,
    paragraphs: blocks.filter((b): b is DocxParagraph => b.kind === 'paragraph'),
    tables: blocks.filter((b): b is DocxTable => b.kind === 'table'),
    lines,
    sections,
    defaults: readDefaults(styles),
    fonts,
    documentXml,
  };
}
