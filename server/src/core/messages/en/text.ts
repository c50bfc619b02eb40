export const TEXT = {
};
