import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, type Config } from '../../shared/config.ts';

const SECRET = 's'.repeat(32);
const ID_A = '1AbC-def_GHI234567890jklMNOpqrSTUvwxYZ01234';
const ID_B = '1zzz_yyy-XXX';
const base = { MALKOLL_SIGNING_SECRET: SECRET, MALKOLL_SPREADSHEETS: ID_A };

const ok: { name: string; env: Record<string, string | undefined>; expected: Partial<Config> }[] = [
  {
    name: 'minimal',
    env: base,
    expected: { signingSecret: SECRET, spreadsheets: [ID_A], summarySpreadsheet: null, driveFolder: null, shareDomains: [] },
  },
  { name: 'list with spaces, empty items and duplicates', env: { ...base, MALKOLL_SPREADSHEETS: ` ${ID_A} , ,${ID_B},${ID_A},` }, expected: { spreadsheets: [ID_A, ID_B] } },
  { name: 'secret trimmed (trailing newline from a secret store)', env: { ...base, MALKOLL_SIGNING_SECRET: `${SECRET}\n` }, expected: { signingSecret: SECRET } },
  { name: 'optional ids', env: { ...base, MALKOLL_SUMMARY_SPREADSHEET: ID_B, MALKOLL_DRIVE_FOLDER: '0AbcDEF' }, expected: { summarySpreadsheet: ID_B, driveFolder: '0AbcDEF' } },
  { name: 'blank optional values mean unset', env: { ...base, MALKOLL_SUMMARY_SPREADSHEET: '', MALKOLL_SHARE_DOMAINS: '  ' }, expected: { summarySpreadsheet: null, shareDomains: [] } },
  { name: 'share domains normalised', env: { ...base, MALKOLL_SHARE_DOMAINS: 'Region.SE, @vgregion.se,sub.region.se' }, expected: { shareDomains: ['region.se', 'vgregion.se', 'sub.region.se'] } },
  { name: 'other variables ignored', env: { ...base, PATH: '/bin', MALKOLL_UNKNOWN: 'x' }, expected: { spreadsheets: [ID_A] } },
  { name: 'no API root: Google\'s own hosts', env: base, expected: { googleApiRoot: null } },
  { name: 'API root on 127.0.0.1', env: { ...base, MALKOLL_GOOGLE_API_ROOT: 'http://127.0.0.1:9099' }, expected: { googleApiRoot: 'http://127.0.0.1:9099/' } },
  { name: 'API root on localhost with a path', env: { ...base, MALKOLL_GOOGLE_API_ROOT: ' http://localhost:8080/google ' }, expected: { googleApiRoot: 'http://localhost:8080/google/' } },
  { name: 'API root on ::1', env: { ...base, MALKOLL_GOOGLE_API_ROOT: 'http://[::1]:9099/' }, expected: { googleApiRoot: 'http://[::1]:9099/' } },
  { name: 'API root over https', env: { ...base, MALKOLL_GOOGLE_API_ROOT: 'https://emulator.example.org/' }, expected: { googleApiRoot: 'https://emulator.example.org/' } },
  { name: 'blank API root means unset', env: { ...base, MALKOLL_GOOGLE_API_ROOT: '  ' }, expected: { googleApiRoot: null } },
  {
    name: 'function URL on a loopback address (tests)',
    env: { ...base, MALKOLL_TASKS_QUEUE: 'projects/malkoll-test/locations/europe-north1/queues/q', MALKOLL_FUNCTION_URL: 'http://127.0.0.1:8080/' },
    expected: { functionUrl: 'http://127.0.0.1:8080/' },
  },
];

const bad: { name: string; env: Record<string, string | undefined>; variable: string }[] = [
  { name: 'secret missing', env: { MALKOLL_SPREADSHEETS: ID_A }, variable: 'MALKOLL_SIGNING_SECRET' },
  { name: 'secret blank', env: { ...base, MALKOLL_SIGNING_SECRET: '   ' }, variable: 'MALKOLL_SIGNING_SECRET' },
  { name: 'secret 31 characters', env: { ...base, MALKOLL_SIGNING_SECRET: 's'.repeat(31) }, variable: 'MALKOLL_SIGNING_SECRET' },
  { name: 'secret short after trimming', env: { ...base, MALKOLL_SIGNING_SECRET: ` ${'s'.repeat(30)} ` }, variable: 'MALKOLL_SIGNING_SECRET' },
  { name: 'spreadsheets missing', env: { MALKOLL_SIGNING_SECRET: SECRET }, variable: 'MALKOLL_SPREADSHEETS' },
  { name: 'spreadsheets only commas', env: { ...base, MALKOLL_SPREADSHEETS: ' , ,' }, variable: 'MALKOLL_SPREADSHEETS' },
  { name: 'spreadsheets holds a URL', env: { ...base, MALKOLL_SPREADSHEETS: `https://docs.google.com/spreadsheets/d/${ID_A}/edit` }, variable: 'MALKOLL_SPREADSHEETS' },
  { name: 'spreadsheets holds a bad id among good', env: { ...base, MALKOLL_SPREADSHEETS: `${ID_A},bad id` }, variable: 'MALKOLL_SPREADSHEETS' },
  { name: 'summary is not an id', env: { ...base, MALKOLL_SUMMARY_SPREADSHEET: 'a/b' }, variable: 'MALKOLL_SUMMARY_SPREADSHEET' },
  { name: 'summary is one of the workbooks', env: { ...base, MALKOLL_SUMMARY_SPREADSHEET: ID_A }, variable: 'MALKOLL_SUMMARY_SPREADSHEET' },
  { name: 'drive folder is not an id', env: { ...base, MALKOLL_DRIVE_FOLDER: 'folders/x y' }, variable: 'MALKOLL_DRIVE_FOLDER' },
  { name: 'share domain is an address', env: { ...base, MALKOLL_SHARE_DOMAINS: 'anna@region.se' }, variable: 'MALKOLL_SHARE_DOMAINS' },
  { name: 'share domain without a dot', env: { ...base, MALKOLL_SHARE_DOMAINS: 'region.se,localhost' }, variable: 'MALKOLL_SHARE_DOMAINS' },
  { name: 'API root over plain http to another machine', env: { ...base, MALKOLL_GOOGLE_API_ROOT: 'http://emulator.example.org:9099/' }, variable: 'MALKOLL_GOOGLE_API_ROOT' },
  { name: 'API root over plain http to a private address', env: { ...base, MALKOLL_GOOGLE_API_ROOT: 'http://10.0.0.5/' }, variable: 'MALKOLL_GOOGLE_API_ROOT' },
  { name: 'API root that looks like loopback but is not', env: { ...base, MALKOLL_GOOGLE_API_ROOT: 'http://127.0.0.1.example.org/' }, variable: 'MALKOLL_GOOGLE_API_ROOT' },
  { name: 'API root not a URL', env: { ...base, MALKOLL_GOOGLE_API_ROOT: '127.0.0.1:9099' }, variable: 'MALKOLL_GOOGLE_API_ROOT' },
  { name: 'API root with another scheme', env: { ...base, MALKOLL_GOOGLE_API_ROOT: 'ftp://127.0.0.1/' }, variable: 'MALKOLL_GOOGLE_API_ROOT' },
  { name: 'API root with a query', env: { ...base, MALKOLL_GOOGLE_API_ROOT: 'http://127.0.0.1:9099/?key=x' }, variable: 'MALKOLL_GOOGLE_API_ROOT' },
  {
    name: 'function URL over plain http to another machine',
    env: { ...base, MALKOLL_TASKS_QUEUE: 'projects/malkoll-test/locations/europe-north1/queues/q', MALKOLL_FUNCTION_URL: 'http://example.org/' },
    variable: 'MALKOLL_FUNCTION_URL',
  },
];

describe('parseConfig', () => {
  it.each(ok)('accepts: $name', ({ env, expected }) => {
    expect(parseConfig(env)).toMatchObject(expected);
  });

  it.each(bad)('refuses, naming the variable: $name', ({ env, variable }) => {
    let error: unknown;
    try {
      parseConfig(env);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(variable);
    expect((error as ConfigError).variables).toEqual([variable]);
  });

  it('names every variable at fault at once, and never echoes the secret', () => {
    const secret = 'short-secret-value';
    let error: ConfigError | undefined;
    try {
      parseConfig({ MALKOLL_SIGNING_SECRET: secret, MALKOLL_SHARE_DOMAINS: 'x' });
    } catch (err) {
      error = err as ConfigError;
    }
    expect(error?.variables.sort()).toEqual(['MALKOLL_SHARE_DOMAINS', 'MALKOLL_SIGNING_SECRET', 'MALKOLL_SPREADSHEETS']);
    expect(error?.message).not.toContain(secret);
  });
});
