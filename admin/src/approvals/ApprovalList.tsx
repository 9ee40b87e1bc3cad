import { useMemo } from 'react';
import { Datagrid, FunctionField, List, Pagination, SelectInput, TextField, useTranslate } from 'react-admin';
import { LocalDateField } from '../components/LocalDateField';
import { useResourceMeta } from '../auto/meta';
import { APPROVAL_STATUSES, EXTRA_APPROVAL_RESOURCES, type Approval } from './approvalLogic';
import {
    ApprovalOperationField,
    ApprovalRecordField,
    ApprovalResourceField,
    ApprovalStatusField,
    useResourceName,
} from './ApprovalFields';

const useApprovalFilters = () => {
    const translate = useTranslate();
    const { data } = useResourceMeta();
    const name = useResourceName();
    return useMemo(() => {
        const resources = [
            ...(data?.resources.filter((r) => r.approval).map((r) => r.name) ?? []),
            ...EXTRA_APPROVAL_RESOURCES,
        ];
        return [
            <SelectInput
                key="status"
                source="status"
                alwaysOn
                label={translate('auto.approvals.fields.status')}
                choices={APPROVAL_STATUSES.map((id) => ({ id, name: translate(`auto.approvals.status.${id}`) }))}
                translateChoice={false}
            />,
            <SelectInput
                key="resource"
                source="resource"
                alwaysOn
                label={translate('auto.approvals.fields.resource')}
                choices={[...new Set(resources)].map((id) => ({ id, name: name(id) }))}
                translateChoice={false}
            />,
        ];
        // name() depends on the same metadata and locale as translate
    }, [data, translate, name]);
};

/** The approvals inbox (复核): pending changes first; a checker opens one to approve or reject it. */
export const ApprovalList = () => {
    const translate = useTranslate();
    const filters = useApprovalFilters();
    const label = (key: string) => translate(`auto.approvals.fields.${key}`);
    return (
        <List
            resource="approvals"
            title={translate('auto.approvals.name')}
            filters={filters}
            filterDefaultValues={{ status: 'pending' }}
            sort={{ field: 'created_at', order: 'DESC' }}
            perPage={25}
            pagination={<Pagination rowsPerPageOptions={[25, 50, 100]} />}
            exporter={false}
        >
            <Datagrid bulkActionButtons={false} rowClick="show">
                <TextField source="id" label={label('id')} />
                <LocalDateField source="created_at" label={label('created_at')} />
                <ApprovalResourceField source="resource" label={label('resource')} />
                <ApprovalOperationField source="operation" label={label('operation')} sortable={false} />
                <ApprovalRecordField source="record_id" label={label('record_id')} sortable={false} />
                <FunctionField<Approval>
                    source="maker_name"
                    label={label('maker_name')}
                    sortable={false}
                    render={(r) => r.maker_name ?? r.maker_username ?? `#${r.maker_id}`}
                />
                <ApprovalStatusField source="status" label={label('status')} />
                <TextField source="checker_name" label={label('checker_name')} sortable={false} emptyText="—" />
                <LocalDateField source="decided_at" label={label('decided_at')} emptyText="—" />
            </Datagrid>
        </List>
    );
};
