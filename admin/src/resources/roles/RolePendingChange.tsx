import { Alert, AlertTitle, Box, Chip, Link as MuiLink, Stack, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useCreatePath, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { nameRights, type PendingChange } from './pendingChange';
import { usePermissionCatalog } from './usePermissionCatalog';

const formatTime = (at: string, locale: string) =>
    new Date(at).toLocaleString(locale, {
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hour12: false,
    });

/**
 * On the role's page (and its edit page): the change of its rights that waits for 复核 — who
 * submitted it and when, the rights it adds and removes by name, a change of the all-branch
 * reach — so no one mistakes the rights shown below (still the current ones) for the new ones.
 */
export const RolePendingChange = ({ editing = false }: { label?: string | false; editing?: boolean }) => {
    const record = useRecordContext();
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const createPath = useCreatePath();
    const { data: catalog } = usePermissionCatalog();
    const pending = record?.pending_change as PendingChange | null | undefined;
    if (!pending) return null;
    const name = (keys: string[]) =>
        nameRights(keys, catalog ?? [], locale, (action) => translate(`permissions.actions.${action}`, { _: action }));
    const rights = (label: string, keys: string[], color: 'success' | 'error') => (
        <Stack
            direction="row"
            spacing={1}
            sx={{ alignItems: 'baseline', flexWrap: 'wrap' }}
            data-testid={`pending-${color === 'success' ? 'added' : 'removed'}`}
        >
            <Typography variant="body2" sx={{ fontWeight: 600, minWidth: 56, flexShrink: 0 }}>
                {translate(label)}
            </Typography>
            <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
                {keys.length === 0 ? (
                    <Typography variant="body2" color="text.secondary">
                        {translate('resources.roles.pending.none')}
                    </Typography>
                ) : (
                    name(keys).map((r) => (
                        <Chip
                            key={r.key}
                            size="small"
                            variant="outlined"
                            color={color}
                            label={`${r.resource} · ${r.action}`}
                            title={r.key}
                        />
                    ))
                )}
            </Box>
        </Stack>
    );
    return (
        <Alert
            severity="warning"
            sx={{ mb: 1, '& .MuiAlert-message': { width: '100%' } }}
            data-testid="role-pending-change"
        >
            <AlertTitle>
                <Chip size="small" color="warning" label={translate('resources.roles.pending.status')} sx={{ mr: 1 }} />
                {translate('resources.roles.pending.title', { id: pending.approval_id })}
            </AlertTitle>
            <Stack spacing={1}>
                <Typography variant="body2">
                    {translate('resources.roles.pending.by', {
                        maker: pending.maker,
                        at: formatTime(pending.submitted_at, locale),
                    })}{' '}
                    <MuiLink
                        component={Link}
                        to={createPath({ resource: 'approvals', id: pending.approval_id, type: 'show' })}
                    >
                        {translate('resources.roles.pending.open')}
                    </MuiLink>
                </Typography>
                {rights('resources.roles.pending.added', pending.added, 'success')}
                {rights('resources.roles.pending.removed', pending.removed, 'error')}
                {pending.all_branches && (
                    <Typography variant="body2">
                        {translate(
                            pending.all_branches.to
                                ? 'resources.roles.pending.all_branches_on'
                                : 'resources.roles.pending.all_branches_off',
                        )}
                    </Typography>
                )}
                {editing && (
                    <Typography variant="body2">
                        {translate('resources.roles.pending.edit_blocked', { id: pending.approval_id })}
                    </Typography>
                )}
            </Stack>
        </Alert>
    );
};
