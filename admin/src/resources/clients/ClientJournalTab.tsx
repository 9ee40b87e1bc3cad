import { Box } from '@mui/material';
import { ColumnsButton, Pagination, ReferenceManyField, TopToolbar } from 'react-admin';
import { SCROLLING_TABLE } from '../fund_accounts/tableSx';
import { JournalTable } from '../fund_journal/JournalTable';

const STORE_KEY = 'fund_journal.client.datatable';

/**
 * 资金流水: the client's journal, newest first; the balance column is the running balance. The
 * columns that matter at the counter by default, the rest on demand (列); a wide table scrolls
 * inside the tab, not the page.
 */
export const ClientJournalTab = (_props: { label?: false }) => (
    <Box sx={SCROLLING_TABLE}>
        <TopToolbar sx={{ minHeight: 0 }}>
            <ColumnsButton resource="fund_journal" storeKey={STORE_KEY} />
        </TopToolbar>
        <ReferenceManyField
            reference="fund_journal"
            target="client_id"
            sort={{ field: 'id', order: 'DESC' }}
            perPage={25}
            pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
            empty="resources.clients.messages.no_journal"
        >
            <JournalTable withClient={false} storeKey={STORE_KEY} />
        </ReferenceManyField>
    </Box>
);
