/** A cell as read from the sheet: CSV gives strings; XLSX also numbers, booleans and dates. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** One non-blank row of a sheet; `rowNumber` is the row as Excel shows it (the header is row 1). */
export interface SheetRecord {
  rowNumber: number;
  values: CellValue[];
}

/** The file cannot be read as a sheet at all (not a row problem): the import fails with this message. */
export class SheetFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SheetFormatError';
  }
}
