/**
 * A package the adapter cannot read or write as it is; `reason` is Swedish and completes
 * "Arbetsboken 'X' kunde inte öppnas: …" or names what was refused.
 * @module
 */
export class PackageError extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(reason);
    this.name = 'PackageError';
    this.reason = reason;
  }
}

export const NOT_XLSX = 'filen är inte en giltig .xlsx-fil';
