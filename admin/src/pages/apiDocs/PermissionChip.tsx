import { Chip, Tooltip } from '@mui/material';
import { useTranslate } from 'react-admin';

/**
 * The operation's `x-permission`: "public", "signed_in", or "<resource>.<action>", which is
 * shown in words with the code as tooltip.
 */
export const PermissionChip = ({ permission }: { permission?: string }) => {
    const translate = useTranslate();
    if (!permission) {
        return <Chip size="small" variant="outlined" label={translate('api_docs.permission_unknown')} />;
    }
    if (permission === 'public' || permission === 'signed_in') {
        return (
            <Chip
                size="small"
                variant="outlined"
                color={permission === 'public' ? 'default' : 'info'}
                label={translate(`api_docs.permission_${permission}`)}
            />
        );
    }
    const dot = permission.lastIndexOf('.');
    const resource = dot > 0 ? permission.slice(0, dot) : permission;
    const action = dot > 0 ? permission.slice(dot + 1) : '';
    const words = [
        translate(`resources.${resource}.name`, { smart_count: 1, _: resource }),
        action ? translate(`permissions.actions.${action}`, { _: action }) : null,
    ]
        .filter(Boolean)
        .join(' · ');
    return (
        <Tooltip title={`${translate('api_docs.permission')}: ${permission}`}>
            <Chip size="small" color="secondary" variant="outlined" label={words} />
        </Tooltip>
    );
};
