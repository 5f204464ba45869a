/**
 * The most procedure calls one HTTP request may batch. The server refuses a larger batch before
 * doing any of its work; the client's batch link splits its calls to stay within it.
 */
export const MAX_BATCH_SIZE = 16;

/** The timeline's page: how many updates one call gives unless asked for fewer or more. */
export const TIMELINE_PAGE = 50;

/** The most updates one timeline call may ask for. */
export const TIMELINE_PAGE_MAX = 200;
