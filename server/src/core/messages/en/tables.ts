export const TABLES = {
};
