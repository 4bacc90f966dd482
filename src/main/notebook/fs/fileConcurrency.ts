/**
 * How many files a loader opens (or stats) at once. Every loop over a folder's files goes
 * through a limiter of this size (p-limit) instead of an unbounded `Promise.all`: a folder of
 * 100,000 files must never mean 100,000 open descriptors (EMFILE: the process limit is often
 * 1,024), and beyond a few dozen parallel reads a disk gets no faster.
 */
export const FILE_CONCURRENCY = 16;
