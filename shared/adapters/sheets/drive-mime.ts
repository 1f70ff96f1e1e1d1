/**
 * Drive's MIME type of a Google spreadsheet: what `files.create` is given to make one, and what tells one apart
 * from other Drive files. Declared once for the adapter, `setup google` and the Drive fake.
 * @module
 */
export const SPREADSHEET_MIME = 'application/vnd.google-apps.spreadsheet';
