import { DataTable, ReferenceField, TextField } from 'react-admin';
import { LocalDateField } from '../../components/LocalDateField';
import { MoneyField } from '../fund_accounts/MoneyField';
import { NO_WRAP_TABLE } from '../fund_accounts/tableSx';
import { BankField } from './BankField';
import { JournalTypeField } from './JournalTypeField';
import { ReverseEntryButton } from './ReverseEntryButton';
import { VoucherButton } from './VoucherButton';
import { BranchColumn } from '../../components/BranchColumn';

/** Shown on demand (列): the frozen balance, the bank, the time of posting. */
export const JOURNAL_HIDDEN_COLUMNS = ['frozen_after', 'bank_code', 'created_at'];

/**
 * Journal entries (资金流水), for the 查询 list and the client page. 余额 (balance_after) is the
 * running balance after each entry; freezes move 冻结 only. Sortable: id, date, type, amount.
 * The columns a teller reads by default, the rest through the column chooser (`storeKey` keeps
 * each place's choice); per row 冲销 and 打印凭证.
 */
export const JournalTable = ({
    withClient,
    withAccount = true,
    storeKey,
}: {
    withClient: boolean;
    withAccount?: boolean;
    storeKey?: string;
}) => (
    <DataTable
        bulkActionButtons={false}
        rowClick={false}
        sx={NO_WRAP_TABLE}
        storeKey={storeKey}
        hiddenColumns={JOURNAL_HIDDEN_COLUMNS}
    >
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
        {withClient && <BranchColumn />}
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
            sx={{ maxWidth: 220, overflow: 'hidden', textOverflow: 'ellipsis' }}
        />
        <DataTable.Col source="operator_id" disableSort>
            <TextField source="operator_name" />
        </DataTable.Col>
        <DataTable.Col source="created_at" disableSort>
            <LocalDateField source="created_at" />
        </DataTable.Col>
        <DataTable.Col label={false} disableSort align="right">
            <ReverseEntryButton />
            <VoucherButton compact />
        </DataTable.Col>
    </DataTable>
);
