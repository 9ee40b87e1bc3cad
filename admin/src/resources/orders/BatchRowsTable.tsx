import DeleteIcon from '@mui/icons-material/Delete';
import { IconButton, MenuItem, Table, TableBody, TableCell, TableHead, TableRow, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { batchErrorText, rowProblem, type BatchResult, type BatchRow } from './batchLines';
import type { OrderSide } from './orderLogic';

export interface EditableRow extends BatchRow {
    key: number;
    /** why the server refused the row last time */
    error?: BatchResult['error'];
}

interface BatchRowsTableProps {
    rows: EditableRow[];
    onChange: (key: number, patch: Partial<EditableRow>) => void;
    onRemove: (key: number) => void;
}

const cell = { '& .MuiInputBase-input': { py: 0.75 } };
const numeric = {
    htmlInput: { style: { textAlign: 'right' as const, fontVariantNumeric: 'tabular-nums' }, autoComplete: 'off' },
};

/** The batch rows, each editable in place, with what is wrong with it (typing or the server's answer). */
export const BatchRowsTable = ({ rows, onChange, onRemove }: BatchRowsTableProps) => {
    const translate = useTranslate();
    return (
        <Table size="small">
            <TableHead>
                <TableRow>
                    <TableCell>#</TableCell>
                    <TableCell>{translate('counter.order.code')}</TableCell>
                    <TableCell>{translate('resources.orders.fields.side')}</TableCell>
                    <TableCell align="right">{translate('counter.order.price')}</TableCell>
                    <TableCell align="right">{translate('counter.order.quantity')}</TableCell>
                    <TableCell>{translate('counter.batch.problem')}</TableCell>
                    <TableCell />
                </TableRow>
            </TableHead>
            <TableBody>
                {rows.map((row, i) => {
                    const problem = rowProblem(row);
                    return (
                        <TableRow key={row.key}>
                            <TableCell>{i + 1}</TableCell>
                            <TableCell>
                                <TextField
                                    size="small"
                                    sx={cell}
                                    value={row.code}
                                    onChange={(e) => onChange(row.key, { code: e.target.value })}
                                />
                            </TableCell>
                            <TableCell>
                                <TextField
                                    select
                                    size="small"
                                    sx={cell}
                                    value={row.side}
                                    onChange={(e) => onChange(row.key, { side: e.target.value as OrderSide })}
                                >
                                    <MenuItem value="buy">{translate('resources.orders.side.buy')}</MenuItem>
                                    <MenuItem value="sell">{translate('resources.orders.side.sell')}</MenuItem>
                                </TextField>
                            </TableCell>
                            <TableCell>
                                <TextField
                                    size="small"
                                    sx={cell}
                                    slotProps={numeric}
                                    value={row.price}
                                    onChange={(e) => onChange(row.key, { price: e.target.value })}
                                />
                            </TableCell>
                            <TableCell>
                                <TextField
                                    size="small"
                                    sx={cell}
                                    slotProps={numeric}
                                    value={row.quantity}
                                    onChange={(e) => onChange(row.key, { quantity: e.target.value })}
                                />
                            </TableCell>
                            <TableCell sx={{ color: 'error.main', maxWidth: 360 }}>
                                {problem ? translate(problem) : row.error ? batchErrorText(row.error) : ''}
                            </TableCell>
                            <TableCell padding="none">
                                <IconButton
                                    aria-label={translate('ra.action.delete')}
                                    size="small"
                                    onClick={() => onRemove(row.key)}
                                >
                                    <DeleteIcon fontSize="small" />
                                </IconButton>
                            </TableCell>
                        </TableRow>
                    );
                })}
            </TableBody>
        </Table>
    );
};
