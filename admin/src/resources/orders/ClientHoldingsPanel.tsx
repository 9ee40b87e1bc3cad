import { Box, Paper, Stack, Typography } from '@mui/material';
import { ColumnsButton, ListBase, Pagination, useCanAccess, useTranslate, type RaRecord } from 'react-admin';
import { SCROLLING_TABLE } from '../fund_accounts/tableSx';
import { PositionTable } from '../positions/PositionTable';

const STORE_KEY = 'positions.counter.datatable';

/**
 * The client's holdings beside the ticket, in the columns of the 证券余额 list (the same query
 * and table); clicking one fills a sell of everything sellable.
 */
export const ClientHoldingsPanel = ({
    clientId,
    onPick,
}: {
    clientId: unknown;
    onPick: (holding: RaRecord) => void;
}) => {
    const translate = useTranslate();
    const { canAccess } = useCanAccess({ resource: 'positions', action: 'list' });
    if (!canAccess) return null;
    return (
        <Paper variant="outlined" sx={{ p: 2, ...SCROLLING_TABLE }}>
            <ListBase
                resource="positions"
                filter={{ client_id: clientId, held: true }}
                sort={{ field: 'id', order: 'ASC' }}
                perPage={25}
                disableSyncWithLocation
                storeKey={false}
            >
                <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
                    <Box>
                        <Typography variant="subtitle1">{translate('counter.recent.holdings')}</Typography>
                        <Typography variant="caption" color="text.secondary">
                            {translate('counter.recent.pick_hint')}
                        </Typography>
                    </Box>
                    <ColumnsButton storeKey={STORE_KEY} />
                </Stack>
                <PositionTable withClient={false} storeKey={STORE_KEY} onPick={onPick} actions={false} />
                <Pagination rowsPerPageOptions={[25, 50, 100]} />
            </ListBase>
        </Paper>
    );
};
