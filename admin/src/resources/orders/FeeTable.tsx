import { Table, TableBody, TableCell, TableRow } from '@mui/material';
import { useTranslate } from 'react-admin';
import { formatMoney } from '../fund_accounts/money';
import type { EstimateFees, OrderSide } from './orderLogic';

const ROWS: { item: keyof EstimateFees; indent?: boolean; total?: boolean }[] = [
    { item: 'amount' },
    { item: 'commission' },
    // the commission normally includes the exchange's handling fee and the regulator's fee
    { item: 'handling_fee', indent: true },
    { item: 'regulatory_fee', indent: true },
    { item: 'stamp_duty' },
    { item: 'transfer_fee' },
    { item: 'total_fees', total: true },
];

/** 费用试算: each fee of the estimate, exactly as the server computed it (strings, 2 decimals). */
export const FeeTable = ({ fees, side }: { fees: EstimateFees; side: OrderSide }) => {
    const translate = useTranslate();
    return (
        <Table
            size="small"
            sx={{ '& td': { px: 1 }, '& td:last-of-type': { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } }}
        >
            <TableBody>
                {ROWS.map(({ item, indent, total }) => (
                    <TableRow key={item}>
                        <TableCell
                            sx={{
                                pl: indent ? 3 : 1,
                                color: indent ? 'text.secondary' : undefined,
                                fontWeight: total ? 600 : undefined,
                            }}
                        >
                            {translate(`counter.fees.${item}`)}
                        </TableCell>
                        <TableCell
                            sx={{ color: indent ? 'text.secondary' : undefined, fontWeight: total ? 600 : undefined }}
                        >
                            {formatMoney(fees[item])}
                        </TableCell>
                    </TableRow>
                ))}
                <TableRow>
                    <TableCell sx={{ fontWeight: 600 }}>{translate(`counter.fees.net_amount_${side}`)}</TableCell>
                    <TableCell sx={{ fontWeight: 600 }}>{formatMoney(fees.net_amount)}</TableCell>
                </TableRow>
            </TableBody>
        </Table>
    );
};
