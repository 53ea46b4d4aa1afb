/**
 * Names the output folder uses at its top level for the site as a whole (search page,
 * search index, schemas). A program's id is its folder in the output, so it cannot be
 * one of them.
 */
export const reservedProgramIds: readonly string[] = ['search', 'pagefind', 'schemas'];
