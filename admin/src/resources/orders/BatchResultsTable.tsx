import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { batchErrorText, type BatchResult, type BatchRow } from './batchLines';

export interface SubmittedRow extends BatchRow {
    key: number;
    result?: BatchResult;
}

/** The answer of the last batch, row by row: the order number or the reason it was refused. */
export const BatchResultsTable = ({ rows }: { rows: SubmittedRow[] }) => {
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
                    <TableCell>{translate('counter.batch.result')}</TableCell>
                </TableRow>
            </TableHead>
            <TableBody>
                {rows.map((row, i) => (
                    <TableRow key={row.key}>
                        <TableCell>{i + 1}</TableCell>
                        <TableCell>{row.code}</TableCell>
                        <TableCell>{translate(`resources.orders.side.${row.side}`)}</TableCell>
                        <TableCell align="right">{row.price}</TableCell>
                        <TableCell align="right">{row.quantity}</TableCell>
                        <TableCell>
                            {row.result?.ok ? (
                                <Chip
                                    size="small"
                                    color="success"
                                    variant="outlined"
                                    label={translate('counter.batch.ok_result', {
                                        order_no: row.result.order?.order_no ?? '',
                                    })}
                                />
                            ) : (
                                <Typography variant="body2" color="error">
                                    {row.result
                                        ? batchErrorText(row.result.error)
                                        : translate('counter.batch.no_answer')}
                                </Typography>
                            )}
                        </TableCell>
                    </TableRow>
                ))}
            </TableBody>
        </Table>
    );
};
