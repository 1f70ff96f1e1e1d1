/**
 * Reading one page of Kolada's v2 `data` answer. The shape, as Kolada's API documentation
 * (github.com/Hypergene/kolada, README "Routes" and "Query data") publishes it and its clients read it
 * (rKolada 0.2.x `get_values`, which follows `next_page` until it is absent):
 *
 *   { "count": n, "values": [ { "kpi": "N00945", "municipality": "0019", "period": 2023,
 *       "values": [ { "gender": "T", "count": 1, "status": "", "value": 12.3 }, … ] } ],
 *     "next_page": "<full URL>", "previous_page": "<full URL>" }       (both only when there is one)
 *
 * At most three genders per item: the total `T` and the split `K`/`M` when the key figure is divided by
 * gender (the README's table says `T|K|F`; the data and its clients use `M`). `value` may be null. The
 * documentation types `period` as a string while the service sends a number; both are read. Anything else
 * in an item is ignored, so additions on Kolada's side do not break the read.
 * @module
 */
import { z } from 'zod';

const genderValue = z.object({ gender: z.string(), value: z.number().nullable().optional() });

const item = z.object({
  kpi: z.string(),
  municipality: z.string(),
  period: z.union([z.number(), z.string()]),
  values: z.array(genderValue),
});

export const dataPage = z.object({
  count: z.number().optional(),
  values: z.array(item),
  next_page: z.string().nullable().optional(),
});

export type DataPage = z.infer<typeof dataPage>;

/** The gender that stands for everyone, whether or not the key figure is divided by gender. */
export const TOTAL = 'T';

/**
 * year → the total's value for one key figure and municipality, from the items of a page. A year without an
 * item, without a `T` entry or with a null value is absent; a period outside `years` is ignored.
 */
export function totalsOf(page: DataPage, kpi: string, municipality: string, years: ReadonlySet<number>): Map<number, number> {
  const out = new Map<number, number>();
  for (const it of page.values) {
    const year = Number(it.period);
    if (it.kpi !== kpi || it.municipality !== municipality || !years.has(year) || out.has(year)) continue;
    const total = it.values.find((v) => v.gender === TOTAL)?.value;
    if (typeof total === 'number' && Number.isFinite(total)) out.set(year, total);
  }
  return out;
}
