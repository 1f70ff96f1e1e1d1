/**
 * The address rule of MALKOLL_KOLADA_URL and MALKOLL_ALERT_WEBHOOK: https, or http to a loopback address;
 * every refusal names the variable (and never quotes the address, which may hold a webhook's secret).
 */
import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../../shared/adapters/http/endpoint.ts';
import { koladaRoot } from '../../../shared/adapters/kolada/index.ts';
import { ConfigError } from '../../../shared/config.ts';

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.10.0.5', true],
    ['localhost', true],
    ['LOCALHOST', true],
    ['[::1]', true],
    ['::1', true],
    ['10.0.0.1', false],
    ['128.0.0.1', false],
    ['localhost.example.com', false],
    ['127.0.0.1.nip.io', false],
    ['[::ffff:7f00:1]', false],
    ['api.kolada.se', false],
  ])('%s → %s', (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});

describe('koladaRoot (MALKOLL_KOLADA_URL)', () => {
  it.each([
    [undefined, 'https://api.kolada.se'],
    ['', 'https://api.kolada.se'],
    ['  ', 'https://api.kolada.se'],
    ['https://api.kolada.se', 'https://api.kolada.se'],
    ['https://api.kolada.se/', 'https://api.kolada.se'],
    ['http://127.0.0.1:8088', 'http://127.0.0.1:8088'],
    ['http://localhost:8088/', 'http://localhost:8088'],
    ['https://proxy.region.se/kolada/', 'https://proxy.region.se/kolada'],
  ])('%j → %s', (value, expected) => {
    expect(koladaRoot({ MALKOLL_KOLADA_URL: value })).toBe(expected);
  });

  it.each([
    ['http://api.kolada.se', 'http tillåts bara till den egna datorn'],
    ['https://api.kolada.se/v2', 'utan version (utan /v2)'],
    ['https://api.kolada.se/v3/', 'utan version'],
    ['ftp://api.kolada.se', 'ska vara en https-adress'],
    ['api.kolada.se', 'är ingen giltig adress'],
    ['https://user:pw@api.kolada.se', 'användarnamn eller lösenord'],
    ['https://api.kolada.se/?x=1', 'utan frågedel'],
  ])('%s is refused: %s', (value, message) => {
    const error = (() => {
      try {
        koladaRoot({ MALKOLL_KOLADA_URL: value });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variables).toEqual(['MALKOLL_KOLADA_URL']);
    expect((error as Error).message).toContain(message);
  });
});
