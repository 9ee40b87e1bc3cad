import { ReferenceField, useRecordContext, useTranslate } from 'react-admin';

/** A role without branch is company-wide (全公司). */
export const RoleBranchField = (_props: { source?: string; label?: string }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    if (!record) return null;
    if (record.branch_id == null) return <>{translate('app.common.company_wide')}</>;
    return <ReferenceField source="branch_id" reference="branches" link={false} />;
};
