export const UI = {
};
