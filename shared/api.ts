/**
 * The most procedure calls one HTTP request may batch. The server refuses a larger batch before
 * doing any of its work; the client's batch link splits its calls to stay within it.
 */
export const MAX_BATCH_SIZE = 16;
