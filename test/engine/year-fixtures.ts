/** Builders for the year-after-year tests (alerts), shared by the engine's and the adapter's tests. */
import type { AlertChange } from '../../shared/engine/index.ts';

export const alertChange = (over: Partial<AlertChange> = {}): AlertChange => ({
  workbook: 'Klimat',
  sheet: 'Mätetal',
  row: 7,
  name: 'Resor och transporter',
  from: 'Oförändrad',
  to: 'Negativ',
  förklaring: '274 (2025) mot 253 (2024): +8,3 % → Negativ',
  ...over,
});
