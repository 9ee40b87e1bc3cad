import { Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useCanAccess, useTranslate, type RaRecord } from 'react-admin';
import { formatMoney } from '../fund_accounts/money';
import { useClientHoldings } from './useClientHoldings';

const number = (value: unknown) => String(value ?? '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** The client's holdings beside the ticket; clicking one fills a sell of everything sellable. */
export const ClientHoldingsPanel = ({
    clientId,
    onPick,
}: {
    clientId: unknown;
    onPick: (holding: RaRecord) => void;
}) => {
    const translate = useTranslate();
    const { canAccess } = useCanAccess({ resource: 'positions', action: 'list' });
    const { holdings } = useClientHoldings(canAccess ? clientId : null);
    if (!canAccess) return null;
    const shown = holdings.filter((h) => Number(h.quantity) > 0);
    return (
        <Paper variant="outlined" sx={{ p: 2, overflowX: 'auto' }}>
            <Typography variant="subtitle1">{translate('counter.recent.holdings')}</Typography>
            {shown.length === 0 ? (
                <Typography color="text.secondary" variant="body2">
                    {translate('counter.recent.no_holdings')}
                </Typography>
            ) : (
                <>
                    <Typography variant="caption" color="text.secondary">
                        {translate('counter.recent.pick_hint')}
                    </Typography>
                    <Table size="small" sx={{ '& td, & th': { whiteSpace: 'nowrap', px: 1 } }}>
                        <TableHead>
                            <TableRow>
                                <TableCell>{translate('resources.positions.fields.code')}</TableCell>
                                <TableCell>{translate('resources.positions.fields.name')}</TableCell>
                                <TableCell align="right">{translate('resources.positions.fields.quantity')}</TableCell>
                                <TableCell align="right">{translate('resources.positions.fields.frozen')}</TableCell>
                                <TableCell align="right">
                                    {translate('resources.positions.fields.today_bought')}
                                </TableCell>
                                <TableCell align="right">{translate('resources.positions.fields.sellable')}</TableCell>
                                <TableCell align="right">{translate('resources.positions.fields.cost')}</TableCell>
                            </TableRow>
                        </TableHead>
                        <TableBody>
                            {shown.map((h) => (
                                <TableRow key={String(h.id)} hover sx={{ cursor: 'pointer' }} onClick={() => onPick(h)}>
                                    <TableCell>
                                        {h.code}
                                        <Typography
                                            component="span"
                                            variant="caption"
                                            color="text.secondary"
                                            sx={{ ml: 0.5 }}
                                        >
                                            {h.market}
                                        </Typography>
                                    </TableCell>
                                    <TableCell>{h.name}</TableCell>
                                    <TableCell align="right">{number(h.quantity)}</TableCell>
                                    <TableCell align="right">{Number(h.frozen) ? number(h.frozen) : ''}</TableCell>
                                    <TableCell align="right">
                                        {Number(h.today_bought) ? number(h.today_bought) : ''}
                                    </TableCell>
                                    <TableCell align="right">{number(h.sellable)}</TableCell>
                                    <TableCell align="right">{formatMoney(h.cost)}</TableCell>
                                </TableRow>
                            ))}
                        </TableBody>
                    </Table>
                </>
            )}
        </Paper>
    );
};
