// English texts of the progress domain; see README.md for ids and placeholders.
export const progressEn = {
} as const satisfies Record<string, string>;
