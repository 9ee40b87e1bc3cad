import type { ReactElement } from 'react';
import { DataTable, ReferenceField, ReferenceInput, SelectInput, useGetIdentity } from 'react-admin';
import type { AppIdentity } from '../providers/authProvider';

/** Whether the operator sees every branch (a head-office role): the lists then name each row's branch. */
export const useAllBranches = (): boolean => !!(useGetIdentity().identity as AppIdentity | undefined)?.all_branches;

/**
 * A list's filters, with 营业部 (by name) added for head office; a branch operator, who sees one
 * branch, gets none (the server would answer another branch's filter with an empty list anyway).
 */
export const useWithBranchFilter = (filters: ReactElement[]): ReactElement[] => {
    const allBranches = useAllBranches();
    if (!allBranches) return filters;
    return [
        ...filters,
        <ReferenceInput
            key="branch_id"
            source="branch_id"
            reference="branches"
            label="app.common.branch"
            sort={{ field: 'code', order: 'ASC' }}
        >
            <SelectInput optionText="name" label="app.common.branch" />
        </ReferenceInput>,
    ];
};

/** The 营业部 column of a business list, by name, for head office only (nothing otherwise). */
export const BranchColumn = () =>
    useAllBranches() ? (
        <DataTable.Col source="branch_id" label="app.common.branch" disableSort>
            <ReferenceField source="branch_id" reference="branches" link={false} />
        </DataTable.Col>
    ) : null;
