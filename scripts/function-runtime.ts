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

/** The highest peak measured by `npm run bench` over runs (MB, `function_peak_rss_mb_10000`); update it with the figures. */
export const MEASURED_PEAK_MB = 176;
export const HEADROOM = 1.25;
const SIZES_MB = [256, 512, 1024, 2048];

/** The smallest Cloud Run memory size with the headroom over the measured peak. */
export function memoryFor(peakMb: number): number {
  const wanted = peakMb * HEADROOM;
  return SIZES_MB.find((size) => size >= wanted) ?? SIZES_MB[SIZES_MB.length - 1]!;
}

export const FUNCTION_MEMORY_MB = { onSheetEdit: memoryFor(MEASURED_PEAK_MB), recalculateAll: 2 * memoryFor(MEASURED_PEAK_MB) } as const;

/**
 * V8's old space per function (MB): onSheetEdit's is the one the peak was measured with (a 10,000-metric
 * workbook fits; a much larger one would need it raised with the memory), recalculateAll's is half its
 * memory (it reads the whole set).
 */
export const OLD_SPACE_MB = { onSheetEdit: 128, recalculateAll: FUNCTION_MEMORY_MB.recalculateAll / 2 } as const;

/**
 * glibc's malloc, told to give back what is freed. It gives each thread (Node has a handful) an arena of its
 * own and keeps what is freed in them: one arena. And it raises its mmap and trim thresholds to the largest
 * block freed so far, so after a workbook's read its freed buffers stay in malloc's heap and V8's heap grows
 * beside them in the next run: both fixed at glibc's own starting values (the runs are in docs/performance.md).
 * Set in the functions' environment by deploy, and by the benchmark.
 */
export const FUNCTION_ENV = { MALLOC_ARENA_MAX: '1', MALLOC_MMAP_THRESHOLD_: '131072', MALLOC_TRIM_THRESHOLD_: '131072' } as const;

/**
 * Node's options of a function: a small young generation (less memory held between collections), the old space
 * capped, and V8 told to favour memory over speed (it collects sooner; the cost in time is in docs/performance.md).
 */
export function nodeOptionsFor(target: keyof typeof OLD_SPACE_MB): string {
  return `--max-semi-space-size=1 --max-old-space-size=${OLD_SPACE_MB[target]} --optimize-for-size`;
}
export const FUNCTION_TIMEOUT_S = { onSheetEdit: 120, recalculateAll: 540 } as const;

/**
 * A whole vCPU per instance. Left to the memory, Cloud Run gives a function a fraction of one (a sixth at 256 MiB,
 * a third at 512 MiB): a recalculation would take several times what the benchmark measures on a whole core,
 * and the reporting week's edit-to-status figure assumes that core. Billing is per vCPU-second, so a run that
 * ends sooner costs about the same.
 */
export const FUNCTION_CPU = { onSheetEdit: 1, recalculateAll: 1 } as const;
