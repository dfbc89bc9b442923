import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { MinutesBlock, MinutesDocument } from './minutes-document.js';

/*
 * The minutes as a Word document (DOCX) that the council office edits before signing: real
 * headings (Word's Title, Heading 1 and 2 styles) and real tables for attendance and named lists.
 */

/** A cell's text: each line of it one paragraph (a member who came twice has two times). */
function cell(text: string, bold = false): TableCell {
  return new TableCell({
    children: text
      .split('\n')
      .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] })),
  });
}

function element(block: MinutesBlock): Paragraph | Table {
  switch (block.kind) {
    case 'title':
      return new Paragraph({ text: block.text, heading: HeadingLevel.TITLE });
    case 'heading':
      return new Paragraph({
        text: block.text,
        heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
      });
    case 'paragraph':
      return new Paragraph({
        children: [new TextRun({ text: block.text, bold: block.bold ?? false })],
        indent: { left: (block.indent ?? 0) * 360 },
      });
    case 'table': {
      const total = block.widths.reduce((sum, width) => sum + width, 0);
      return new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        columnWidths: block.widths.map((width) => Math.round((width / total) * 9000)),
        rows: [
          new TableRow({
            tableHeader: true,
            children: block.columns.map((column) => cell(column, true)),
          }),
          ...block.rows.map((row) => new TableRow({ children: row.map((text) => cell(text)) })),
        ],
      });
    }
  }
}

/** Renders a document as a DOCX file. */
export async function minutesDocx(document: MinutesDocument): Promise<Buffer> {
  const [before, after] = document.pageLabel.split('{{page}}');
  const [between, rest] = (after ?? '').split('{{pages}}');
  const file = new Document({
    title: document.title,
    creator: 'Veche',
    styles: { default: { document: { run: { font: 'Arial', size: 21 } } } },
    sections: [
      {
        children: document.blocks.map(element),
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    size: 16,
                    children: [
                      before ?? '',
                      PageNumber.CURRENT,
                      between ?? '',
                      PageNumber.TOTAL_PAGES,
                      rest ?? '',
                    ],
                  }),
                ],
              }),
            ],
          }),
        },
      },
    ],
  });
  return Packer.toBuffer(file);
}
