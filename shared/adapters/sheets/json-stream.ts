/**
 * A streaming JSON reader for one large Google answer (a whole workbook's `spreadsheets.get`): it builds
 * the value as the bytes arrive, and hands every finished object or array to `transform` with the path
 * it sits at (`sheets/[]/data/[]/rowData/[]/values/[]` for a cell), so a cell can be turned into the
 * engine's small CellInput the moment it is complete. The answer's text and the tree of Google's cell
 * objects are never held whole — they were the peak of a 10,000-metric edit (docs/performance.md).
 * Input is Google's own JSON; it is read leniently (no validation beyond what building needs).
 * @module
 */

type Container = Record<string, unknown> | unknown[];
type Expect = 'key' | 'colon' | 'value' | 'comma';

interface Frame {
  value: Container;
  isArray: boolean;
  key: string | null;
  expect: Expect;
  path: string;
}

const DIGIT_OR_SIGN = /[-0-9]/;
const NUMBER_CHAR = /[-+.eE0-9]/;

export class JsonStreamReader {
  readonly #transform: (path: string, value: Container) => unknown;
  readonly #stack: Frame[] = [];
  /** child paths by parent path and key, so each cell's path is not built anew */
  readonly #paths = new Map<string, Map<string, string>>();
  #root: unknown = undefined;
  #token: 'none' | 'string' | 'number' | 'literal' = 'none';
  #buf = '';
  #escaped = false;
  #hasEscape = false;

  constructor(transform: (path: string, value: Container) => unknown = (_p, v) => v) {
    this.#transform = transform;
  }

  write(text: string): void {
    let i = 0;
    const n = text.length;
    while (i < n) {
      if (this.#token === 'string') {
        let j = i;
        for (; j < n; j++) {
          const c = text.charCodeAt(j);
          if (this.#escaped) this.#escaped = false;
          else if (c === 92) this.#escaped = this.#hasEscape = true;
          else if (c === 34) break;
        }
        this.#buf += text.slice(i, j);
        if (j === n) return;
        i = j + 1;
        const raw = this.#buf;
        this.#buf = '';
        this.#token = 'none';
        // a slice of 13 characters or more would keep the whole network chunk it came from alive (V8's sliced
        // strings): parse it into a string of its own
        this.#string(this.#hasEscape || raw.length >= 13 ? (JSON.parse(`"${raw}"`) as string) : raw);
        continue;
      }
      if (this.#token === 'number' || this.#token === 'literal') {
        let j = i;
        const pattern = this.#token === 'number' ? NUMBER_CHAR : /[a-z]/;
        while (j < n && pattern.test(text[j]!)) j++;
        this.#buf += text.slice(i, j);
        if (j === n) return;
        i = j;
        const raw = this.#buf;
        this.#buf = '';
        const kind = this.#token;
        this.#token = 'none';
        this.#value(kind === 'number' ? Number(raw) : raw === 'true' ? true : raw === 'false' ? false : null);
        continue;
      }
      const ch = text[i]!;
      i++;
      switch (ch) {
        case '{':
        case '[':
          this.#push(ch === '[');
          break;
        case '}':
        case ']':
          this.#pop();
          break;
        case ',': {
          const top = this.#stack[this.#stack.length - 1];
          if (top) top.expect = top.isArray ? 'value' : 'key';
          break;
        }
        case ':': {
          const top = this.#stack[this.#stack.length - 1];
          if (top) top.expect = 'value';
          break;
        }
        case '"':
          this.#token = 'string';
          this.#hasEscape = false;
          this.#escaped = false;
          break;
        default:
          if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t') break;
          if (DIGIT_OR_SIGN.test(ch)) this.#token = 'number';
          else if (ch === 't' || ch === 'f' || ch === 'n') this.#token = 'literal';
          else throw new SyntaxError(`Unexpected character ${JSON.stringify(ch)} in JSON`);
          this.#buf = ch;
      }
    }
  }

  /** The whole value, once the text is complete. */
  end(): unknown {
    if (this.#token === 'number' || this.#token === 'literal') this.write(' ');
    if (this.#stack.length > 0 || this.#token !== 'none') throw new SyntaxError('Unexpected end of JSON');
    return this.#root;
  }

  #pathOf(parent: Frame | undefined): string {
    if (!parent) return '';
    const key = parent.isArray ? '[]' : (parent.key ?? '');
    let children = this.#paths.get(parent.path);
    if (!children) this.#paths.set(parent.path, (children = new Map()));
    let path = children.get(key);
    if (path === undefined) children.set(key, (path = parent.path === '' ? key : `${parent.path}/${key}`));
    return path;
  }

  #push(isArray: boolean): void {
    const path = this.#pathOf(this.#stack[this.#stack.length - 1]);
    this.#stack.push({ value: isArray ? [] : {}, isArray, key: null, expect: isArray ? 'value' : 'key', path });
  }

  #pop(): void {
    const frame = this.#stack.pop();
    if (!frame) throw new SyntaxError('Unexpected end of container in JSON');
    this.#value(this.#transform(frame.path, frame.value));
  }

  #string(text: string): void {
    const top = this.#stack[this.#stack.length - 1];
    if (top && !top.isArray && top.expect === 'key') {
      top.key = text;
      top.expect = 'colon';
    } else {
      this.#value(text);
    }
  }

  #value(value: unknown): void {
    const top = this.#stack[this.#stack.length - 1];
    if (!top) this.#root = value;
    else if (top.isArray) (top.value as unknown[]).push(value);
    else {
      const key = top.key ?? '';
      if (key === '__proto__') Object.defineProperty(top.value, key, { value, enumerable: true, writable: true, configurable: true });
      else (top.value as Record<string, unknown>)[key] = value;
      top.key = null;
      top.expect = 'comma';
    }
  }
}

/** Reads a whole stream of UTF-8 JSON through a JsonStreamReader. */
export async function readJsonStream(body: AsyncIterable<Uint8Array | string>, transform?: (path: string, value: Container) => unknown): Promise<unknown> {
  const reader = new JsonStreamReader(transform);
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of body) reader.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
  reader.write(decoder.decode());
  return reader.end();
}
