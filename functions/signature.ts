/**
 * The signed edit call (domain.md §6): `X-Malkoll-Signature: sha256=<hex HMAC-SHA256 of
 * "<timestamp>.<raw body>">` and `X-Malkoll-Timestamp` (Unix seconds, at most 5 minutes off).
 *
 * Replays: a verified signature is remembered until its timestamp leaves the window, after which the
 * timestamp check refuses it anyway. The memory is per instance: when Cloud Run runs several instances,
 * a replay that lands on another instance within the 5 minutes is NOT caught. That is accepted because
 * a replay can only ask again for a recalculation the secret-holder already asked for, and a
 * recalculation is idempotent (same inputs, same writes; one that changes nothing writes nothing).
 * @module
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-malkoll-signature';
export const TIMESTAMP_HEADER = 'x-malkoll-timestamp';
export const MAX_SKEW_SECONDS = 300;

export function computeSignature(secret: string, timestamp: string, rawBody: string | Uint8Array): string {
  const mac = createHmac('sha256', secret);
  mac.update(`${timestamp}.`, 'utf8');
  mac.update(rawBody);
  return `sha256=${mac.digest('hex')}`;
}

export type SignatureCheck = { ok: true; signature: string; timestamp: number } | { ok: false; reason: string };

export interface SignatureInput {
  secret: string;
  timestampHeader: string | string[] | undefined;
  signatureHeader: string | string[] | undefined;
  rawBody: Uint8Array;
  nowSeconds: number;
}

/** Checks the headers against the raw bytes; says why it refuses (the reason is logged, never the secret). */
export function verifySignature(input: SignatureInput): SignatureCheck {
  const { timestampHeader: ts, signatureHeader: sig } = input;
  if (typeof sig !== 'string' || sig === '') return { ok: false, reason: 'signatur saknas' };
  if (typeof ts !== 'string' || ts === '') return { ok: false, reason: 'tidsstämpel saknas' };
  if (!/^\d{1,12}$/.test(ts)) return { ok: false, reason: 'tidsstämpeln är inte Unix-sekunder' };
  const timestamp = Number(ts);
  if (Math.abs(input.nowSeconds - timestamp) > MAX_SKEW_SECONDS) {
    return { ok: false, reason: 'tidsstämpeln är mer än 5 minuter fel' };
  }
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(sig);
  if (!match) return { ok: false, reason: 'signaturen har fel form' };
  const given = Buffer.from(match[1]!, 'hex');
  const expected = Buffer.from(computeSignature(input.secret, ts, input.rawBody).slice('sha256='.length), 'hex');
  if (!timingSafeEqual(given, expected)) return { ok: false, reason: 'fel signatur' };
  return { ok: true, signature: match[1]!.toLowerCase(), timestamp };
}

/** Signatures seen within the window, per instance (see the module note). */
export class ReplayCache {
  readonly #expiresAt = new Map<string, number>();

  /** Remembers the signature; false when it was already seen and has not expired. */
  remember(signature: string, timestamp: number, nowSeconds: number): boolean {
    for (const [key, expiresAt] of this.#expiresAt) {
      if (expiresAt < nowSeconds) this.#expiresAt.delete(key);
    }
    if (this.#expiresAt.has(signature)) return false;
    this.#expiresAt.set(signature, timestamp + MAX_SKEW_SECONDS);
    return true;
  }

  /** Lets the same signed call be retried, e.g. after it was answered 503. */
  forget(signature: string): void {
    this.#expiresAt.delete(signature);
  }

  get size(): number {
    return this.#expiresAt.size;
  }
}
