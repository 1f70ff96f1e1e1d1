/**
 * A link to one row of a Google spreadsheet, for the alert of a status change (domain.md §7: "in Google a
 * link to the row"). `gid` is the sheet's numeric id (Sheets API `sheetId`), which the Google adapter knows.
 * @module
 */

export function googleRowLink(spreadsheetId: string, sheetId: number, rowNumber: number): string {
  return `https://docs.google.com/spreadsheets/d/${encodeURIComponent(spreadsheetId)}/edit#gid=${sheetId}&range=A${rowNumber}`;
}
