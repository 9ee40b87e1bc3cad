import {
    BooleanField,
    CreateButton,
    DataTable,
    EditButton,
    FilterButton,
    List,
    ReferenceInput,
    SelectInput,
    TopToolbar,
    useTranslate,
} from 'react-admin';
import { ServerExportButton } from '../../components/ServerExportButton';
import { QuickSearchInput } from '../../components/QuickSearchInput';
import { RoleBranchField } from './RoleBranchField';
import { BUILT_IN_CHOICES } from './roleTransforms';

const roleFilters = [
    <QuickSearchInput key="q" source="q" alwaysOn placeholder="resources.roles.helper.q" />,
    <ReferenceInput key="branch_id" source="branch_id" reference="branches" sort={{ field: 'code', order: 'ASC' }}>
        <SelectInput optionText="name" />
    </ReferenceInput>,
    <SelectInput
        key="built_in"
        source="built_in"
        choices={BUILT_IN_CHOICES}
        parse={(v) => (v === '' ? undefined : v === 'true')}
        format={(v) => (v == null ? '' : String(v))}
    />,
];

const RoleListActions = () => (
    <TopToolbar>
        <FilterButton />
        <CreateButton />
        <ServerExportButton />
    </TopToolbar>
);

export const RoleList = () => {
    const translate = useTranslate();
    return (
        <List exporter={false} filters={roleFilters} actions={<RoleListActions />} sort={{ field: 'id', order: 'ASC' }}>
            <DataTable bulkActionButtons={false}>
                <DataTable.Col source="id" />
                <DataTable.Col source="code" />
                <DataTable.Col source="name" />
                <DataTable.Col source="branch_id" disableSort>
                    <RoleBranchField />
                </DataTable.Col>
                <DataTable.Col source="built_in" disableSort>
                    <BooleanField source="built_in" />
                </DataTable.Col>
                <DataTable.Col source="all_branches" disableSort>
                    <BooleanField source="all_branches" />
                </DataTable.Col>
                <DataTable.Col
                    source="permissions"
                    disableSort
                    render={(record) =>
                        translate('resources.roles.messages.permission_count', {
                            smart_count: Array.isArray(record.permissions) ? record.permissions.length : 0,
                        })
                    }
                />
                <DataTable.Col label={false} disableSort align="right">
                    <EditButton />
                </DataTable.Col>
            </DataTable>
        </List>
    );
};
