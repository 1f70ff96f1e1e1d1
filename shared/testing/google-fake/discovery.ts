/**
 * Checks requests against Google's own discovery documents (Sheets v4, Drive v3), so that the fake
 * rejects exactly what Google would reject for shape reasons: an unknown method, query parameter,
 * body field or enum value. The documents are copied into shared/testing/google-apis/ (test/fixtures/README.md says from where).
 * @module
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolve, dirname } from 'node:path';

interface ParamDoc {
  type?: string;
  location?: string;
  repeated?: boolean;
  required?: boolean;
  enum?: string[];
}
export interface SchemaDoc {
  $ref?: string;
  type?: string;
  enum?: string[];
  items?: SchemaDoc;
  properties?: Record<string, SchemaDoc>;
  additionalProperties?: SchemaDoc;
  format?: string;
}
interface MethodDoc {
  id: string;
  httpMethod: string;
  path: string;
  flatPath?: string;
  parameters?: Record<string, ParamDoc>;
  request?: { $ref: string };
  mediaUpload?: { protocols: Record<string, { path: string }> };
}
interface ResourceDoc {
  methods?: Record<string, MethodDoc>;
  resources?: Record<string, ResourceDoc>;
}
interface DiscoveryDoc extends ResourceDoc {
  rootUrl: string;
  servicePath: string;
  parameters: Record<string, ParamDoc>;
  schemas: Record<string, SchemaDoc>;
}

export interface ResolvedMethod {
  api: 'sheets' | 'drive';
  /** the discovery id, e.g. `sheets.spreadsheets.get`, `drive.permissions.create` */
  id: string;
  doc: MethodDoc;
  pathParams: Record<string, string>;
}

interface Route {
  api: 'sheets' | 'drive';
  host: string;
  httpMethod: string;
  pattern: RegExp;
  names: string[];
  doc: MethodDoc;
}

const here = dirname(fileURLToPath(import.meta.url));
const docsDir = resolve(here, '../google-apis');

function load(file: string): DiscoveryDoc {
  return JSON.parse(readFileSync(resolve(docsDir, file), 'utf8')) as DiscoveryDoc;
}

export const DISCOVERY = {
  sheets: load('sheets-v4.discovery.json'),
  drive: load('drive-v3.discovery.json'),
};

function collect(resource: ResourceDoc, out: MethodDoc[]): MethodDoc[] {
  for (const m of Object.values(resource.methods ?? {})) out.push(m);
  for (const r of Object.values(resource.resources ?? {})) collect(r, out);
  return out;
}

function compile(api: 'sheets' | 'drive', doc: DiscoveryDoc): Route[] {
  const host = new URL(doc.rootUrl).host;
  return collect(doc, []).map((m) => {
    const names: string[] = [];
    const template = '/' + doc.servicePath + (m.flatPath ?? m.path);
    // `{+range}` may hold slashes? No: Google escapes ranges, so every segment is one path piece.
    const source = template
      .split(/(\{\+?[^}]+\})/)
      .map((piece) => {
        const param = /^\{\+?([^}]+)\}$/.exec(piece);
        if (param) {
          names.push(param[1]!);
          return '([^/]+?)';
        }
        return piece.replace(/[.*+?^$()|[\]\\]/g, '\\$&');
      })
      .join('');
    return { api, host, httpMethod: m.httpMethod, pattern: new RegExp(`^${source}$`), names, doc: m };
  });
}

const ROUTES: Route[] = [...compile('sheets', DISCOVERY.sheets), ...compile('drive', DISCOVERY.drive)];

/** The discovery method a request addresses, or null when Google has no such method. */
export function resolveMethod(httpMethod: string, url: URL): ResolvedMethod | null {
  let pathname = url.pathname;
  // a media-less create may still be sent to the upload path; map it back to the method's path
  pathname = pathname.replace(/^\/upload\//, '/');
  for (const route of ROUTES) {
    if (route.host !== url.host || route.httpMethod !== httpMethod.toUpperCase()) continue;
    const match = route.pattern.exec(pathname);
    if (!match) continue;
    const pathParams: Record<string, string> = {};
    route.names.forEach((name, i) => (pathParams[name] = decodeURIComponent(match[i + 1]!)));
    return { api: route.api, id: route.doc.id, doc: route.doc, pathParams };
  }
  return null;
}

/** Problems with the query string: unknown parameters, bad enum values, non-boolean booleans. */
export function validateQuery(method: ResolvedMethod, query: URLSearchParams): string[] {
  const errors: string[] = [];
  const standard = DISCOVERY[method.api].parameters;
  const seen = new Map<string, number>();
  for (const [name, value] of query) {
    seen.set(name, (seen.get(name) ?? 0) + 1);
    const doc = method.doc.parameters?.[name] ?? standard[name];
    if (!doc || doc.location === 'path') {
      errors.push(`${method.id}: unknown query parameter "${name}"`);
      continue;
    }
    errors.push(...checkScalar(`${method.id}?${name}`, doc, value));
  }
  for (const [name, count] of seen) {
    const doc = method.doc.parameters?.[name] ?? standard[name];
    if (doc && count > 1 && !doc.repeated) errors.push(`${method.id}: parameter "${name}" is not repeatable`);
  }
  for (const [name, doc] of Object.entries(method.doc.parameters ?? {})) {
    if (doc.required && doc.location === 'query' && !query.has(name)) {
      errors.push(`${method.id}: required query parameter "${name}" missing`);
    }
  }
  return errors;
}

function checkScalar(where: string, doc: ParamDoc, value: string): string[] {
  if (doc.enum && !doc.enum.includes(value)) return [`${where}: "${value}" is not one of ${doc.enum.join(', ')}`];
  if (doc.type === 'boolean' && value !== 'true' && value !== 'false') return [`${where}: "${value}" is not a boolean`];
  if (doc.type === 'integer' && !/^-?\d+$/.test(value)) return [`${where}: "${value}" is not an integer`];
  return [];
}

/** Problems with a JSON body, checked recursively against the method's request schema. */
export function validateBody(method: ResolvedMethod, body: unknown): string[] {
  const ref = method.doc.request?.$ref;
  if (!ref) return body === undefined || body === null ? [] : [`${method.id}: takes no request body`];
  if (body === undefined) return [];
  return validateValue(method.api, { $ref: ref }, body, ref);
}

/** Validates one value against a schema of the given API (exported so tests can aim at it directly). */
export function validateValue(api: 'sheets' | 'drive', schema: SchemaDoc, value: unknown, path: string): string[] {
  const schemas = DISCOVERY[api].schemas;
  let s = schema;
  while (s.$ref) {
    const target = schemas[s.$ref];
    if (!target) return [`${path}: unknown schema ${s.$ref}`];
    s = target;
  }
  if (value === null) return [];
  switch (s.type) {
    case 'any':
    case undefined:
      return [];
    case 'string':
      if (typeof value !== 'string') return [`${path}: expected a string, got ${typeof value}`];
      if (s.enum && !s.enum.includes(value)) return [`${path}: "${value}" is not one of ${s.enum.join(', ')}`];
      return [];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${path}: expected a boolean`];
    case 'integer':
      // int64 travels as a string in Google's JSON mapping
      if (typeof value === 'number' && Number.isInteger(value)) return [];
      if (typeof value === 'string' && /^-?\d+$/.test(value)) return [];
      return [`${path}: expected an integer, got ${JSON.stringify(value)}`];
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? [] : [`${path}: expected a number`];
    case 'array':
      if (!Array.isArray(value)) return [`${path}: expected an array`];
      return value.flatMap((item, i) => validateValue(api, s.items ?? {}, item, `${path}[${i}]`));
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return [`${path}: expected an object`];
      const errors: string[] = [];
      for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
        const prop = s.properties?.[key] ?? s.additionalProperties;
        if (!prop) {
          errors.push(`${path}: unknown field "${key}"`);
          continue;
        }
        errors.push(...validateValue(api, prop, child, `${path}.${key}`));
      }
      return errors;
    }
    default:
      return [];
  }
}

/** Checks a field mask (e.g. updateCells.fields) against a schema: every path must name real fields. */
export function validateFieldMask(api: 'sheets' | 'drive', schemaRef: string, mask: string, path: string): string[] {
  if (mask.trim() === '*') return [];
  const errors: string[] = [];
  for (const field of mask.split(',').map((f) => f.trim()).filter(Boolean)) {
    let s: SchemaDoc | undefined = { $ref: schemaRef };
    for (const part of field.split('.')) {
      while (s?.$ref) s = DISCOVERY[api].schemas[s.$ref];
      if (s?.type === 'array') s = s.items;
      while (s?.$ref) s = DISCOVERY[api].schemas[s.$ref];
      s = s?.properties?.[part];
      if (!s) break;
    }
    if (!s) errors.push(`${path}: field mask "${field}" names no field of ${schemaRef}`);
  }
  return errors;
}
