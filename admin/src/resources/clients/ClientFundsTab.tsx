import { Pagination, ReferenceManyField } from 'react-admin';
import { FundAccountTable } from '../fund_accounts/FundAccountTable';

/** 资金: the client's fund accounts with balance, frozen, available and withdrawable cash. */
export const ClientFundsTab = (_props: { label?: false }) => (
    <ReferenceManyField
        reference="fund_accounts"
        target="client_id"
        sort={{ field: 'account_no', order: 'ASC' }}
        perPage={10}
        pagination={<Pagination rowsPerPageOptions={[10]} />}
        empty="resources.clients.messages.no_accounts"
    >
        <FundAccountTable withClient={false} />
    </ReferenceManyField>
);
