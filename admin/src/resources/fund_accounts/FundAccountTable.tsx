import { DictField } from '../../components/DictField';
import { DataTable, TextField } from 'react-admin';
import { CashButton } from './CashButton';
import { AccountClientButton, AccountJournalButton } from './FundAccountLinks';
import { FundAccountStatusField } from './FundAccountStatusField';
import { MoneyField } from './MoneyField';
import { NO_WRAP_TABLE } from './tableSx';
import { BranchColumn } from '../../components/BranchColumn';

const money = (source: string, sortable = false) => (
    <DataTable.Col source={source} align="right" disableSort={!sortable}>
        <MoneyField source={source} />
    </DataTable.Col>
);

/**
 * Fund accounts with 余额 / 冻结 / 可用 / 可取, for the 资金余额 list and the client page.
 * Only balance and frozen are sortable on the server.
 */
export const FundAccountTable = ({ withClient }: { withClient: boolean }) => (
    <DataTable bulkActionButtons={false} rowClick={false} sx={NO_WRAP_TABLE}>
        <DataTable.Col source="account_no" />
        {withClient && <DataTable.Col source="client_no" disableSort />}
        {withClient && (
            <DataTable.Col source="client_name" disableSort>
                <TextField source="client_name" />
            </DataTable.Col>
        )}
        {withClient && <BranchColumn />}
        <DataTable.Col source="currency" disableSort>
            <DictField source="currency" category="currency" />
        </DataTable.Col>
        {money('balance', true)}
        {money('frozen', true)}
        {money('available')}
        {money('withdrawable')}
        <DataTable.Col source="status" disableSort>
            <FundAccountStatusField />
        </DataTable.Col>
        <DataTable.Col source="opened_on" />
        <DataTable.Col label={false} disableSort align="right" sx={{ whiteSpace: 'nowrap' }}>
            <CashButton />
            <AccountJournalButton />
            {withClient && <AccountClientButton />}
        </DataTable.Col>
    </DataTable>
);
