import { ReferenceField, useCanAccess, useRecordContext, useTranslate } from 'react-admin';

interface GuardedReferenceFieldProps {
    source: string;
    reference: string;
    /** read by the show layout and DataTable to label the column */
    label?: string;
    link?: false | 'show' | 'edit';
    emptyText?: string;
}

/**
 * A reference shown by name when the operator may list the referenced resource, else by its
 * number: fetching it anyway would be a 403, and every refusal is written to the audit trail.
 */
export const GuardedReferenceField = ({ source, reference, link = false, emptyText }: GuardedReferenceFieldProps) => {
    const record = useRecordContext();
    const translate = useTranslate();
    const { canAccess, isPending } = useCanAccess({ resource: reference, action: 'list' });
    const value = record?.[source];
    const empty = emptyText ? translate(emptyText, { _: emptyText }) : '-';
    if (value === null || value === undefined || value === '') return <>{empty}</>;
    // nothing while the right is being checked: a number that turns into a name is a flash of ids
    if (isPending) return null;
    if (!canAccess) return <>#{String(value)}</>;
    return <ReferenceField source={source} reference={reference} link={link} emptyText={empty} />;
};
