/** Calendar (ICS) strings, in English. */
export const calendar = {
  deadline: (title: string) => `Due: ${title}`,
} as const;
