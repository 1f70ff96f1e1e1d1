/**
 * The few Apps Script services the edit trigger uses, typed structurally (what @types/google-apps-script
 * declares globally would leak into the whole project's typecheck). Tests supply fakes of exactly these.
 * @module
 */

export interface Range {
  getA1Notation(): string;
  getRow(): number;
  getColumn(): number;
  getNumColumns(): number;
  getSheet(): Sheet;
  getValues(): unknown[][];
}

export interface Sheet {
  getName(): string;
  getRange(row: number, column: number, numRows: number, numColumns: number): Range;
}

export interface Spreadsheet {
  getId(): string;
}

/** The event of an installable onEdit trigger (only the fields used). */
export interface EditEvent {
  range: Range;
  source: Spreadsheet;
}

export interface HttpResponse {
  getResponseCode(): number;
  getContentText(): string;
  getHeaders(): Record<string, unknown>;
}

export interface Trigger {
  getHandlerFunction(): string;
  getEventType(): unknown;
  getTriggerSourceId(): string;
}

export interface AppsScriptGlobals {
  UrlFetchApp: {
    fetch(
      url: string,
      params: {
        method: 'post';
        contentType: string;
        payload: string;
        headers: Record<string, string>;
        muteHttpExceptions: boolean;
        followRedirects: boolean;
      },
    ): HttpResponse;
  };
  PropertiesService: { getScriptProperties(): { getProperty(key: string): string | null } };
  Utilities: {
    computeHmacSha256Signature(value: string, key: string, charset: unknown): number[];
    Charset: { UTF_8: unknown };
    sleep(milliseconds: number): void;
  };
  ScriptApp: {
    EventType: { ON_EDIT: unknown };
    getProjectTriggers(): Trigger[];
    deleteTrigger(trigger: Trigger): void;
    newTrigger(handler: string): { forSpreadsheet(id: string): { onEdit(): { create(): Trigger } } };
  };
}
