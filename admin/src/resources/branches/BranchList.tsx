import { BooleanField, DataTable, List, SelectField } from 'react-admin';
import { BRANCH_STATUS_CHOICES } from './branchChoices';

// Read-only for now; branches become a full parameter resource later.
export const BranchList = () => (
    <List sort={{ field: 'code', order: 'ASC' }} exporter={false}>
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
