// English texts of the lsp domain; see README.md for ids and placeholders.
export const lspEn = {
} as const satisfies Record<string, string>;
