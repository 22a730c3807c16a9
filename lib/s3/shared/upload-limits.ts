// Upload sizes shared by the browser (which splits files) and the server (which checks them). Pure.

/**
 * Each request carries at most one part: the console's proxy (proxy.ts) makes Next.js buffer request bodies up
 * to 10 MB (proxyClientMaxBodySize) and cut anything longer, so parts stay below that. S3 wants parts of at
 * least 5 MiB except the last.
 */
export const PART_SIZE = 8 * 1024 * 1024;
/** Files up to this size go in one PutObject; larger ones as a multipart upload of PART_SIZE parts. */
export const SINGLE_PUT_MAX = PART_SIZE;
export const MAX_PARTS = 10_000;
