import { BooleanField, DataTable, List, SelectField, TopToolbar } from 'react-admin';
import { ServerExportButton } from '../../components/ServerExportButton';
import { BRANCH_STATUS_CHOICES } from './branchChoices';

// Read-only for now; branches become a full parameter resource later.
export const BranchList = () => (
    <List
        sort={{ field: 'code', order: 'ASC' }}
        exporter={false}
        actions={
            <TopToolbar>
                <ServerExportButton />
            </TopToolbar>
        }
    >
        <DataTable bulkActionButtons={false}>
            <DataTable.Col source="id" />
            <DataTable.Col source="code" />
            <DataTable.Col source="name" />
            <DataTable.Col source="is_head_office">
                <BooleanField source="is_head_office" />
            </DataTable.Col>
            <DataTable.Col source="status">
                <SelectField source="status" choices={BRANCH_STATUS_CHOICES} />
            </DataTable.Col>
        </DataTable>
    </List>
);
