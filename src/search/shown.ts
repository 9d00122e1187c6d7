/**
 * How many quick (finder) matches the search page shows. The finder downloads titles only for the
 * hits it returns, so this also bounds what a first query fetches (tests/search/finder.test.ts, the
 * benchmark). A module of its own so that the search page's up-front script need not load the finder.
 */
export const QUICK_SHOWN = 8;
