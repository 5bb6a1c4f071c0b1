// English texts of the cli domain; see README.md for ids and placeholders.
export const cliEn = {
} as const satisfies Record<string, string>;
