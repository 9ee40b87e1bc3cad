import { ChipField, ReferenceArrayField, SingleFieldList } from 'react-admin';

export const OperatorRolesField = (_props: { source?: string; label?: string }) => (
    <ReferenceArrayField source="role_ids" reference="roles">
        <SingleFieldList linkType={false}>
            <ChipField source="name" size="small" />
        </SingleFieldList>
    </ReferenceArrayField>
);
