import { useGetList, useRecordContext } from 'react-admin';
import { CashButton } from '../fund_accounts/CashButton';

/** 存取款 from the client page: the client's (first open) fund account. */
export const ClientCashButton = () => {
    const client = useRecordContext();
    const { data } = useGetList(
        'fund_accounts',
        {
            filter: { client_id: client?.id, status: 'active' },
            pagination: { page: 1, perPage: 1 },
            sort: { field: 'id', order: 'ASC' },
        },
        { enabled: client?.id !== undefined && client.status !== 'closed' },
    );
    const account = data?.[0];
    return account ? <CashButton accountId={account.id} /> : null;
};
