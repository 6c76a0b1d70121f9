/** @cti/platform: small shared building blocks every feature lib may use (it imports none of them). */
export { localDateTime, parseCsv, UTF8_BOM, writeCsv } from './spreadsheets/csv';
export * from './spreadsheets/sheet';
export { excelLocalDate, writeXlsx } from './spreadsheets/xlsx';
