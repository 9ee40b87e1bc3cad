import { ListButton, ReferenceField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';
import { LocalDateField } from '../../components/LocalDateField';
import { MoneyField } from '../fund_accounts/MoneyField';
import { BankField } from './BankField';
import { JournalTypeField } from './JournalTypeField';
import { ReverseEntryButton } from './ReverseEntryButton';
import { VoucherButton } from './VoucherButton';

/** One journal entry (e.g. opened from an approval of its reversal), with its voucher to print (打印凭证). */
export const FundJournalShow = () => (
    <Show
        actions={
            <TopToolbar>
                <VoucherButton />
                <ReverseEntryButton />
                <ListButton />
            </TopToolbar>
        }
    >
        <SimpleShowLayout>
            <TextField source="id" />
            <TextField source="business_date" />
            <TextField source="account_no" />
            <ReferenceField source="client_id" reference="clients" link="show" />
            <JournalTypeField source="type" />
            <MoneyField source="amount" signed />
            <MoneyField source="frozen_delta" signed />
            <MoneyField source="balance_after" />
            <MoneyField source="frozen_after" />
            <BankField source="bank_code" />
            <TextField source="reference" emptyText="-" />
            <TextField source="reverses_id" emptyText="-" />
            <TextField source="operator_name" label="resources.fund_journal.fields.operator_id" />
            <LocalDateField source="created_at" />
        </SimpleShowLayout>
    </Show>
);
