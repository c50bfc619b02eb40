export const UI = {
} as const;
