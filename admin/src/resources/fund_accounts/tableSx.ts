/**
 * Money tables read best on one line per row: cells do not wrap, with tighter padding so a
 * 14-column journal still fits beside the menu on a counter screen.
 */
export const NO_WRAP_TABLE = {
    '& .MuiTableCell-root': { whiteSpace: 'nowrap', px: 1 },
} as const;

/**
 * A table wider than the screen scrolls sideways inside its own box, never the page: the
 * DataTable's wrapper scrolls, and the box it sits in (a list, a tab) takes the width it is
 * given — a one-column grid of minmax(0, 1fr) does not grow to its content, as a flex item would.
 * On a `List`'s or a wrapper's `sx`; 1440 px with the menu open is the screen to fit.
 */
export const SCROLLING_TABLE = {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr)',
    '& .RaDataTable-tableWrapper': { overflowX: 'auto' },
} as const;
