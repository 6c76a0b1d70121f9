/** A report as a table: what the XLSX and CSV writers lay out, the same for both. */
export type Locale = 'zh-CN' | 'en';
export type CellValue = string | number | boolean | null;

/** How a column's values are written: datetime is epoch ms shown in the center's local time. */
export type ColumnKind = 'text' | 'int' | 'number' | 'percent' | 'datetime' | 'bool';

export interface SheetColumn {
  readonly key: string;
  readonly header: string;
  readonly kind: ColumnKind;
  readonly width?: number;
}

export interface Sheet {
  /** Sheet name in the workbook (Excel: at most 31 characters). */
  readonly name: string;
  /** The title row above the header; the document's title when absent. */
  readonly title?: string;
  readonly columns: readonly SheetColumn[];
  /** Only the columns' keys are read; other fields of a row are ignored. */
  readonly rows: readonly Readonly<Record<string, unknown>>[];
}

export interface SheetDoc {
  readonly title: string;
  /** The center's zone: datetime cells show its local wall time. */
  readonly timezone: string;
  /** When the workbook was made (its document properties); unset when absent. */
  readonly created?: Date;
  readonly sheets: readonly Sheet[];
}

/** A column with its headers in both languages. */
export type ColumnSpec = readonly [
  key: string,
  zh: string,
  en: string,
  kind: ColumnKind,
  width?: number,
];

export function columns(specs: readonly ColumnSpec[], locale: Locale): SheetColumn[] {
  return specs.map(([key, zh, en, kind, width]) => ({
    key,
    header: locale === 'zh-CN' ? zh : en,
    kind,
    ...(width ? { width } : {}),
  }));
}

/** A row field as a cell: empty for missing values; anything else but text, numbers and booleans is a bug. */
export function cellOf(value: unknown): CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  throw new Error(`a report cell must be text, a number or a boolean, got ${typeof value}`);
}
