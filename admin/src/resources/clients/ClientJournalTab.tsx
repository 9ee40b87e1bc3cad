import { Pagination, ReferenceManyField } from 'react-admin';
import { JournalTable } from '../fund_journal/JournalTable';

/** 资金流水: the client's journal, newest first; the balance column is the running balance. */
export const ClientJournalTab = (_props: { label?: false }) => (
    <ReferenceManyField
        reference="fund_journal"
        target="client_id"
        sort={{ field: 'id', order: 'DESC' }}
        perPage={25}
        pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
        empty="resources.clients.messages.no_journal"
    >
        <JournalTable withClient={false} />
    </ReferenceManyField>
);
