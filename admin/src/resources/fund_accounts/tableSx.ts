/**
 * Money tables read best on one line per row: cells do not wrap, with tighter padding so a
 * 14-column journal still fits beside the menu on a counter screen.
 */
export const NO_WRAP_TABLE = {
    '& .MuiTableCell-root': { whiteSpace: 'nowrap', px: 1 },
} as const;
