export const TABLES = {
} as const;
