import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import type { MinutesBlock, MinutesDocument } from './minutes-document.js';

/*
 * The minutes as PDF, laid out with pdfmake in Roboto: the TrueType files that ship inside the
 * pdfmake package (nothing is downloaded), which cover Latin with Polish and Serbian letters and
 * Cyrillic with the Bulgarian and Serbian ones (`minutes-fonts.test.ts` checks every such letter).
 */

const fontFolder = join(
  dirname(createRequire(import.meta.url).resolve('pdfmake/package.json')),
  'build',
  'fonts',
  'Roboto',
);

/** The font files, for the coverage test. */
export const MINUTES_FONT_FILES = {
  normal: join(fontFolder, 'Roboto-Regular.ttf'),
  bold: join(fontFolder, 'Roboto-Medium.ttf'),
  italics: join(fontFolder, 'Roboto-Italic.ttf'),
  bolditalics: join(fontFolder, 'Roboto-MediumItalic.ttf'),
} as const;

const allowedFiles = new Set<string>(Object.values(MINUTES_FONT_FILES));
pdfmake.setFonts({ Roboto: MINUTES_FONT_FILES });
// The documents are built from our own blocks: no image or font is ever fetched from elsewhere.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => allowedFiles.has(path));

function content(block: MinutesBlock): Content {
  switch (block.kind) {
    case 'title':
      return { text: block.text, style: 'title' };
    case 'heading':
      return { text: block.text, style: block.level === 1 ? 'heading1' : 'heading2' };
    case 'paragraph':
      return {
        text: block.text,
        bold: block.bold ?? false,
        margin: [(block.indent ?? 0) * 14, 0, 0, 3],
      };
    case 'table': {
      const total = block.widths.reduce((sum, width) => sum + width, 0);
      return {
        table: {
          headerRows: 1,
          // A header row never stands alone at the foot of a page.
          keepWithHeaderRows: 1,
          widths: block.widths.map((width) => `${String((width / total) * 100)}%`),
          body: [
            block.columns.map((column) => ({ text: column, bold: true })),
            ...block.rows.map((row) => [...row]),
          ],
        },
        layout: 'lightHorizontalLines',
        margin: [0, 4, 0, 8],
      };
    }
  }
}

/** Renders a document as a PDF file (A4). */
export async function minutesPdf(document: MinutesDocument): Promise<Buffer> {
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    info: { title: document.title, creator: 'Veche', producer: 'Veche' },
    language: document.language,
    defaultStyle: { font: 'Roboto', fontSize: 10, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 18, bold: true, margin: [0, 0, 0, 8] },
      heading1: { fontSize: 13, bold: true, margin: [0, 12, 0, 4] },
      heading2: { fontSize: 11, bold: true, margin: [0, 8, 0, 3] },
    },
    content: document.blocks.map(content),
    footer: (page, pages) => ({
      text: document.pageLabel
        .replace('{{page}}', String(page))
        .replace('{{pages}}', String(pages)),
      alignment: 'center',
      fontSize: 8,
      margin: [0, 20, 0, 0],
    }),
  };
  return pdfmake.createPdf(definition).getBuffer();
}
