import { DataTable, ReferenceField, TextField } from 'react-admin';
import { LocalDateField } from '../../components/LocalDateField';
import { MoneyField } from '../fund_accounts/MoneyField';
import { NO_WRAP_TABLE } from '../fund_accounts/tableSx';
import { BankField } from './BankField';
import { JournalTypeField } from './JournalTypeField';
import { ReverseEntryButton } from './ReverseEntryButton';

/**
 * Journal entries (资金流水), for the 查询 list and the client page. 余额 (balance_after) is the
 * running balance after each entry; freezes move 冻结 only. Sortable: id, date, type, amount.
 */
export const JournalTable = ({ withClient, withAccount = true }: { withClient: boolean; withAccount?: boolean }) => (
    <DataTable bulkActionButtons={false} rowClick={false} sx={NO_WRAP_TABLE}>
        <DataTable.Col source="id" />
        <DataTable.Col source="business_date" />
        {withAccount && <DataTable.Col source="account_no" disableSort />}
        {withClient && (
            <DataTable.Col source="client_id" disableSort>
                <ReferenceField source="client_id" reference="clients" link="show">
                    <TextField source="name" />
                </ReferenceField>
            </DataTable.Col>
        )}
        <DataTable.Col source="type">
            <JournalTypeField />
        </DataTable.Col>
        <DataTable.Col source="amount" align="right">
            <MoneyField source="amount" signed blankZero />
        </DataTable.Col>
        <DataTable.Col source="frozen_delta" align="right" disableSort>
            <MoneyField source="frozen_delta" signed blankZero />
        </DataTable.Col>
        <DataTable.Col source="balance_after" align="right" disableSort>
            <MoneyField source="balance_after" />
        </DataTable.Col>
        <DataTable.Col source="frozen_after" align="right" disableSort>
            <MoneyField source="frozen_after" />
        </DataTable.Col>
        <DataTable.Col source="bank_code" disableSort>
            <BankField />
        </DataTable.Col>
        <DataTable.Col
            source="reference"
            disableSort
            sx={{ maxWidth: 280, overflow: 'hidden', textOverflow: 'ellipsis' }}
        />
        <DataTable.Col source="operator_id" disableSort>
            <TextField source="operator_name" />
        </DataTable.Col>
        <DataTable.Col source="created_at" disableSort>
            <LocalDateField source="created_at" />
        </DataTable.Col>
        <DataTable.Col label={false} disableSort align="right">
            <ReverseEntryButton />
        </DataTable.Col>
    </DataTable>
);
