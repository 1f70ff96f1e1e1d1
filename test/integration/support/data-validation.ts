/**
 * The shared Google fake (test/support/google-fake) answers `setDataValidation` with 400 ("does not
 * implement this request kind"), but `setup google` needs it for the dropdowns. This wraps the fake's
 * batchUpdate for batches that hold one: the body is validated against the discovery document exactly as
 * the fake does, the rules are recorded per sheet, and the other requests go through the fake's own
 * `applyBatch`, committed atomically. Remove once the fake implements `setDataValidation` itself.
 * @module
 */
import { http, HttpResponse } from 'msw';
import type { sheets_v4 } from '@googleapis/sheets';
import type { GoogleFake } from '../../support/google-fake/index.ts';
import { resolveMethod, validateBody, validateQuery } from '../../support/google-fake/discovery.ts';
import { applyBatch } from '../../support/google-fake/sheets-batch.ts';
import { FakeGoogleError, badRequest } from '../../support/google-fake/errors.ts';

export interface RecordedValidation {
  spreadsheetId: string;
  range: sheets_v4.Schema$GridRange;
  rule: sheets_v4.Schema$DataValidationRule;
}

export function supportDataValidation(fake: GoogleFake): RecordedValidation[] {
  const recorded: RecordedValidation[] = [];
  fake.server.use(
    http.post(/^https:\/\/sheets\.googleapis\.com\/v4\/spreadsheets\/[^/]+:batchUpdate/, async ({ request }) => {
      const body = (await request.clone().json()) as { requests?: sheets_v4.Schema$Request[] };
      const requests = body.requests ?? [];
      if (!requests.some((r) => r.setDataValidation)) return undefined; // the fake answers
      const url = new URL(request.url);
      const method = resolveMethod('POST', url)!;
      fake.calls.requests.push({ method: method.id, httpMethod: 'POST', url, body });
      const problems = [...validateQuery(method, url.searchParams), ...validateBody(method, body)];
      if (problems.length) {
        fake.validationErrors.push(...problems);
        return HttpResponse.json(badRequest(problems.join('; ')).body, { status: 400 });
      }
      const id = method.pathParams.spreadsheetId ?? '';
      try {
        const book = fake.getSpreadsheet(id);
        const rules: RecordedValidation[] = [];
        for (const r of requests) {
          const v = r.setDataValidation;
          if (!v) continue;
          if (!book.sheets.some((s) => s.properties.sheetId === (v.range?.sheetId ?? 0)) && !requests.some((q) => q.addSheet?.properties?.sheetId === v.range?.sheetId)) {
            throw badRequest(`Invalid setDataValidation: No grid with id: ${v.range?.sheetId}`);
          }
          rules.push({ spreadsheetId: id, range: v.range ?? {}, rule: v.rule ?? {} });
        }
        const result = applyBatch(book, requests.filter((r) => !r.setDataValidation));
        if (result.maskErrors.length) {
          fake.validationErrors.push(...result.maskErrors);
          throw badRequest(result.maskErrors.join('; '));
        }
        Object.assign(book, result.book); // commit, as the fake does, into the object it stores
        recorded.push(...rules);
        let k = 0;
        const replies = requests.map((r) => (r.setDataValidation ? {} : result.replies[k++]));
        return HttpResponse.json({ spreadsheetId: id, replies });
      } catch (e) {
        if (e instanceof FakeGoogleError) return HttpResponse.json(e.body as never, { status: e.code });
        throw e;
      }
    }),
  );
  return recorded;
}
