import { craftedZip } from './craftedZip.ts';

const encode = (xml: string) => new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${xml}`);
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/**
 * A workbook whose one sheet has `rows` rows of four text cells, written inline as a hand-made file might:
 * about 230 bytes of XML a row, packed some twenty times smaller. 400,000 rows are 90 MiB of XML in a
 * 4.3 MB upload: within the upload and unpacked-size limits, and far past what reading may take.
 */
export function bulkyWorkbook(rows: number): Uint8Array<ArrayBuffer> {
  const lines: string[] = [];
  for (let r = 1; r <= rows; r++) {
    lines.push(`<row r="${r}">${['A', 'B', 'C', 'D'].map((column) => `<c r="${column}${r}" t="inlineStr"><is><t>Маман</t></is></c>`).join('')}</row>`);
  }
  return craftedZip([
    {
      name: '[Content_Types].xml',
      content: encode(
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
    },
    { name: '_rels/.rels', content: encode(`<Relationships xmlns="${RELATIONSHIPS}"><Relationship Id="rId1" Type="${OFFICE}/officeDocument" Target="xl/workbook.xml"/></Relationships>`) },
    { name: 'xl/workbook.xml', content: encode(`<workbook xmlns="${MAIN}" xmlns:r="${OFFICE}"><sheets><sheet name="Staff" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    { name: 'xl/_rels/workbook.xml.rels', content: encode(`<Relationships xmlns="${RELATIONSHIPS}"><Relationship Id="rId1" Type="${OFFICE}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`) },
    { name: 'xl/worksheets/sheet1.xml', content: encode(`<worksheet xmlns="${MAIN}"><sheetData>${lines.join('')}</sheetData></worksheet>`) },
  ]);
}
