/** The course site's interface strings, in English. */
export const site = {
  skipToContent: 'Skip to content',
  catalogTitle: 'Programs',
} as const;
