// English texts of the resume domain; see README.md for ids and placeholders.
export const resumeEn = {
} as const satisfies Record<string, string>;
