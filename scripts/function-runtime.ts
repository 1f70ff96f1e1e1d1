/**
 * How the functions run on Cloud Run, declared once: deploy.ts sets these, and the benchmark starts the
 * built function with the same Node options, so what it measures is what is deployed.
 *
 * Memory: `npm run bench` measures the functions-framework process serving a signed edit of a
 * 10,000-metric workbook (the workbook's run and the set's summary run) from outside, as VmHWM
 * (`function_peak_rss_mb_10000`, docs/performance.md). The instance gets that peak with at least 25 %
 * headroom, rounded up to a size Cloud Run offers; V8's old space is capped below the instance's memory so
 * that it collects garbage before the container's limit rather than after.
 * @module
 */

/** The peak measured by `npm run bench` (MB, `function_peak_rss_mb_10000`); update it with the figures. */
export const MEASURED_PEAK_MB = 190;
export const HEADROOM = 1.25;
const SIZES_MB = [256, 512, 1024, 2048];

/** The smallest Cloud Run memory size with the headroom over the measured peak. */
export function memoryFor(peakMb: number): number {
  const wanted = peakMb * HEADROOM;
  return SIZES_MB.find((size) => size >= wanted) ?? SIZES_MB[SIZES_MB.length - 1]!;
}

/** Node's options in a function instance of `memoryMb`: a small young generation, the old space below the limit. */
export function nodeOptionsFor(memoryMb: number): string {
  return `--max-semi-space-size=1 --max-old-space-size=${Math.round(memoryMb * 0.5)}`;
}

export const FUNCTION_MEMORY_MB = { onSheetEdit: memoryFor(MEASURED_PEAK_MB), recalculateAll: 2 * memoryFor(MEASURED_PEAK_MB) } as const;
export const FUNCTION_TIMEOUT_S = { onSheetEdit: 120, recalculateAll: 540 } as const;
