import {
    DataTable,
    DateInput,
    FilterButton,
    List,
    SelectInput,
    TextInput,
    TopToolbar,
    useLocaleState,
    useTranslate,
    type RaRecord,
} from 'react-admin';
import { ServerExportButton } from '../../components/ServerExportButton';
import { BankClearingButtons } from './BankClearingButtons';
import { MoneyField } from '../fund_accounts/MoneyField';
import { BranchColumn, useWithBranchFilter } from '../../components/BranchColumn';

const TYPES = ['bank_in', 'bank_out'] as const;

/** 银证转账查询: the journal's bank-securities transfers, per bank and client. */
export const BankTransferList = () => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const choices = TYPES.map((id) => ({ id, name: translate(`resources.bank_transfers.types.${id}`) }));
    const filters = [
        <TextInput key="bank_code" source="bank_code" alwaysOn />,
        <SelectInput key="type" source="type" choices={choices} alwaysOn />,
        <DateInput key="from" source="business_date_gte" />,
        <DateInput key="to" source="business_date_lte" />,
    ];
    return (
        <List
            empty={false}
            filters={useWithBranchFilter(filters)}
            sort={{ field: 'id', order: 'DESC' }}
            perPage={50}
            exporter={false}
            actions={
                <TopToolbar>
                    <FilterButton />
                    <ServerExportButton />
                    <BankClearingButtons />
                </TopToolbar>
            }
        >
            <DataTable
                bulkActionButtons={false}
                rowClick={(_id, _res, record: RaRecord) => `/clients/${record.client_id}/show`}
            >
                <DataTable.Col source="business_date" />
                <DataTable.Col source="client_no" />
                <DataTable.Col source="client_name" />
                <BranchColumn />
                <DataTable.Col source="account_no" />
                <DataTable.Col
                    source="type"
                    render={(r: RaRecord) => translate(`resources.bank_transfers.types.${r.type}`)}
                />
                <DataTable.Col
                    source="bank_code"
                    render={(r: RaRecord) =>
                        (locale.startsWith('en') ? r.bank_name_en : r.bank_name_zh) || r.bank_name_zh || r.bank_code
                    }
                />
                <DataTable.Col source="amount" align="right">
                    <MoneyField source="amount" signed />
                </DataTable.Col>
                <DataTable.Col source="balance_after" align="right">
                    <MoneyField source="balance_after" />
                </DataTable.Col>
                <DataTable.Col source="reference" />
            </DataTable>
        </List>
    );
};
