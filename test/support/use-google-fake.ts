/**
 * The msw Google fake (shared/testing/google-fake) for the tests of one file or `describe`: listening while they
 * run, closed after them, and after each test every request it answered checked against Google's discovery
 * documents. Call it where the hooks belong (at the top of a file for all its tests).
 *
 * ```ts
 * const { fake, sheets, drive } = useGoogleFake({ fresh: true });
 * ```
 * @module
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { createGoogleFake, fakeClients, type GoogleFake, type GoogleFakeOptions } from '../../shared/testing/google-fake/index.ts';

export interface UseGoogleFakeOptions extends GoogleFakeOptions {
  /**
   * each test starts afresh: the recorded calls, the injected faults and the handlers a test added are dropped
   * before it (default: kept, for files whose tests build on what the ones before them did)
   */
  fresh?: boolean;
}

export interface GoogleFakeInUse extends ReturnType<typeof fakeClients> {
  fake: GoogleFake;
}

export function useGoogleFake(options: UseGoogleFakeOptions = {}): GoogleFakeInUse {
  const { fresh = false, ...fakeOptions } = options;
  const fake = createGoogleFake(fakeOptions);
  beforeAll(() => fake.listen());
  afterAll(() => fake.close());
  if (fresh) {
    beforeEach(() => {
      fake.calls.reset();
      fake.clearFaults();
      fake.server.resetHandlers();
    });
  }
  afterEach(() => expect(fake.validationErrors).toEqual([]));
  return { fake, ...fakeClients() };
}
