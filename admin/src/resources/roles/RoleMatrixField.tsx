import { useRecordContext } from 'react-admin';
import { PermissionMatrix } from './PermissionMatrix';

/** Read-only matrix for the show page. */
export const RoleMatrixField = (_props: { source?: string; label?: string }) => {
    const record = useRecordContext();
    if (!record) return null;
    return <PermissionMatrix value={Array.isArray(record.permissions) ? record.permissions : []} onlyGranted />;
};
