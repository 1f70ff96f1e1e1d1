/**
 * Builds a new part from an old one by replacing byte ranges, in increasing order: everything between them is
 * the old bytes, untouched (slices, not copies, until the end).
 * @module
 */

export class Splice {
  readonly #source: Buffer;
  readonly #pieces: Buffer[] = [];
  #at = 0;
  changed = false;

  constructor(source: Buffer) {
    this.#source = source;
  }

  /** Replaces [start, end) with `text`; `start` must not be before the end of the previous replacement. */
  replace(start: number, end: number, text: string | Buffer): void {
    if (start < this.#at) throw new Error(`splice out of order at ${start}`);
    this.#pieces.push(this.#source.subarray(this.#at, start), typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
    this.#at = end;
    this.changed = true;
  }

  insert(at: number, text: string | Buffer): void {
    this.replace(at, at, text);
  }

  result(): Buffer {
    if (!this.changed) return this.#source;
    this.#pieces.push(this.#source.subarray(this.#at));
    return Buffer.concat(this.#pieces);
  }
}
