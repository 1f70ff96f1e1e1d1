/**
 * Builds a new part from an old one by replacing byte ranges, in increasing order: everything between them is
 * the old bytes, copied as they were. The output is a list of buffers of about a megabyte (never one that
 * grows by copying), which the zip writer compresses piece by piece.
 * @module
 */
const CHUNK = 1 << 20;

export class Splice {
  readonly #source: Buffer;
  readonly #chunks: Buffer[] = [];
  #current: Buffer | null = null;
  #used = 0;
  #at = 0;

  constructor(source: Buffer) {
    this.#source = source;
  }

  get changed(): boolean {
    return this.#current !== null;
  }

  /** Replaces [start, end) with `text`; `start` must not be before the end of the previous replacement. */
  replace(start: number, end: number, text: string | Buffer): void {
    if (start < this.#at) throw new Error(`splice out of order at ${start}`);
    this.#current ??= Buffer.allocUnsafe(CHUNK);
    this.#append(this.#source, this.#at, start);
    if (typeof text === 'string' && text.length * 3 <= this.#current.length - this.#used) {
      // fits for certain (3 bytes per UTF-16 unit at most): straight into the output, no buffer of its own
      this.#used += this.#current.write(text, this.#used, 'utf8');
    } else {
      const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
      this.#append(bytes, 0, bytes.length);
    }
    this.#at = end;
  }

  insert(at: number, text: string | Buffer): void {
    this.replace(at, at, text);
  }

  /** The new part as pieces; the source itself (one piece) when nothing was replaced. */
  result(): Buffer[] {
    if (this.#current === null) return [this.#source];
    this.#append(this.#source, this.#at, this.#source.length);
    this.#at = this.#source.length;
    this.#chunks.push(this.#current.subarray(0, this.#used));
    this.#current = Buffer.allocUnsafe(0);
    this.#used = 0;
    return this.#chunks;
  }

  /** The new part as one buffer. */
  bytes(): Buffer {
    const pieces = this.result();
    return pieces.length === 1 ? pieces[0]! : Buffer.concat(pieces);
  }

  #append(from: Buffer, start: number, end: number): void {
    while (start < end) {
      if (this.#used === this.#current!.length) {
        this.#chunks.push(this.#current!);
        this.#current = Buffer.allocUnsafe(CHUNK);
        this.#used = 0;
      }
      const n = Math.min(end - start, this.#current!.length - this.#used);
      from.copy(this.#current!, this.#used, start, start + n);
      this.#used += n;
      start += n;
    }
  }
}
