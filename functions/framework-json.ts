/**
 * The Functions Framework parses `application/json` bodies with body-parser before any handler runs,
 * and answers a body that is not JSON with its own 400 page. The edit-call contract (domain.md §6)
 * checks the signature BEFORE the shape: an unsigned, malformed call must get 401. So, for this
 * process only, the framework's JSON parser is wrapped to let a parse failure through with
 * `req.body` unset; `req.rawBody` is still saved (body-parser calls `verify` before parsing), and the
 * handlers parse the raw bytes themselves anyway.
 *
 * This reaches into a transitive dependency of @google-cloud/functions-framework (5.x, body-parser 2).
 * If its shape changes the wrap is skipped with a warning, and the only loss is that order for
 * malformed JSON (still refused, still without touching Google). test/functions/ guard it.
 * @module
 */
import { createRequire } from 'node:module';
import type { Logger } from './types.ts';

type Middleware = (req: { body?: unknown }, res: unknown, next: (err?: unknown) => void) => void;
type BodyParser = { json: (options?: unknown) => Middleware; [marker]?: true };

const marker = Symbol.for('malkoll.lenientJson');

export function relaxFrameworkJsonParsing(log?: Logger): boolean {
  let bodyParser: BodyParser;
  try {
    const requireHere = createRequire(import.meta.url);
    const frameworkMain = requireHere.resolve('@google-cloud/functions-framework');
    bodyParser = createRequire(frameworkMain)('body-parser') as BodyParser;
  } catch (err) {
    log?.({ severity: 'WARNING', message: 'body-parser hittades inte; felaktig JSON besvaras av ramverket', error: String(err) });
    return false;
  }
  if (bodyParser[marker]) return true;
  if (typeof bodyParser.json !== 'function') return false;
  const original = bodyParser.json;
  bodyParser.json = (options?: unknown) => {
    const parse = original(options);
    return (req, res, next) =>
      parse(req, res, (err?: unknown) => {
        if ((err as { type?: unknown } | undefined)?.type === 'entity.parse.failed') {
          req.body = undefined;
          next();
          return;
        }
        next(err);
      });
  };
  bodyParser[marker] = true;
  return true;
}
