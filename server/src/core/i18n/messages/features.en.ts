// English texts of the features domain; see README.md for ids and placeholders.
export const featuresEn = {
} as const satisfies Record<string, string>;
