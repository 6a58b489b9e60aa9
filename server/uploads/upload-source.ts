import type { Field } from './upload-headers.js';
import type { IssueParams, ReaderIssueCode } from './upload-messages.js';
import type { IssueCode } from './upload-validate.js';

/**
 * An Excel formula saved without its computed value (files written by scripts and exporters, not
 * by Excel): neither blank nor a value, so that the row says which cell to fix. `formula` as the
 * file holds it, with or without the leading `=`.
 */
export class Uncomputed {
  constructor(readonly formula: string) {}
  /** As Excel's formula bar shows it. */
  toString(): string {
    return this.formula.startsWith('=') ? this.formula : `=${this.formula}`;
  }
}

/** A cell as the parsers hand it over: CSV gives text, Excel also numbers, dates, booleans and uncomputed formulas. */
export type Cell = string | number | boolean | Date | Uncomputed | null;

export type UploadFormat = 'csv' | 'xlsx' | 'geojson';

/** One physical row of a table (CSV line number, Excel row number). */
export interface TableRow { rowNumber: number; cells: Cell[] }

/** One row mapped to fields; `problem` says why its geometry could not be read (GeoJSON). */
export interface ParsedRow {
  rowNumber: number;
  values: Partial<Record<Field, Cell>>;
  problem?: string;
  /** What the reader found wrong with the row, each an error of the row by code and parameters (geometry ones too). */
  problems?: RowProblem[];
}

/** What a reader found wrong with a row; a warning keeps the row (cells beyond the header, ignored). */
export interface RowProblem { code: IssueCode | ReaderIssueCode; params: IssueParams; severity?: 'warning' }

export interface ColumnReport {
  recognised: Partial<Record<Field, string>>;
  unknown: string[];
  /** The row the header was found on (tables only): rows above it were titles, not read. */
  headerRow?: number;
  /** The first row that is not blank: from it to the header, titles. */
  firstRow?: number;
  /** Excel: the sheet read, and its rows hidden in Excel (read all the same; the first 1,000). */
  sheet?: string;
  hiddenRows?: number[];
  /** Total lines under the table ("Tổng cộng", "Total"): left out, each said in a warning (the first 20). */
  totalRows?: { row: number; text: string }[];
}

export function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}
