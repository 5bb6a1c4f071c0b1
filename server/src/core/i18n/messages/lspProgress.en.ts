// English texts of the lspProgress domain; see README.md for ids and placeholders.
export const lspProgressEn = {
} as const satisfies Record<string, string>;
