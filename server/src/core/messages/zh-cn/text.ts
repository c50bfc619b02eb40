export const TEXT = {
} as const;
