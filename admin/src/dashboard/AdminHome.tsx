import { Chip, Link as MuiLink, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { useResourceName } from '../approvals/ApprovalFields';
import { Count, HomeCard } from './HomeCard';
import { fetchList } from './homeApi';
import {
    blockedOperators,
    listLink,
    localDate,
    PARAM_RESOURCES,
    paramChanges,
    shortTime,
    type AuditRow,
    type OperatorRow,
} from './homeLogic';

const SHOWN = 5;

/** 停用或锁定的柜员: who cannot sign in now, each name opening the operator. */
export const OperatorsPanel = () => {
    const translate = useTranslate();
    const { data, isPending, error } = useQuery({
        queryKey: ['home', 'operators', 'blocked'],
        queryFn: () => fetchList<OperatorRow>('operators', {}, [0, 499], ['id', 'ASC']),
    });
    const blocked = data ? blockedOperators(data.rows, new Date()) : [];
    return (
        <HomeCard
            testId="operators"
            title={translate('home.operators.title')}
            loading={isPending}
            error={error}
            figure={<Count value={blocked.length} />}
            caption={blocked.length === 0 ? translate('home.operators.none') : undefined}
            links={[{ label: translate('home.operators.open'), to: '/operators' }]}
        >
            <List dense disablePadding>
                {blocked.slice(0, SHOWN).map((o) => (
                    <ListItem key={o.id} disableGutters sx={{ py: 0 }}>
                        <ListItemText
                            primary={
                                <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                                    <MuiLink component={Link} to={`/operators/${o.id}/show`} underline="hover">
                                        {o.name}
                                    </MuiLink>
                                    <Typography variant="caption" color="text.secondary">
                                        {o.username}
                                    </Typography>
                                    {o.disabled && <Chip size="small" label={translate('home.operators.disabled')} />}
                                    {o.locked && (
                                        <Chip size="small" color="warning" label={translate('home.operators.locked')} />
                                    )}
                                </Stack>
                            }
                        />
                    </ListItem>
                ))}
            </List>
            {blocked.length > SHOWN && (
                <MuiLink component={Link} to="/operators" variant="body2">
                    {translate('home.more')}
                </MuiLink>
            )}
        </HomeCard>
    );
};

const PER_RESOURCE = 50;

/** 今日参数变更: the audit trail's creates, changes, deletes and imports of parameters today. */
export const ParamChangesPanel = () => {
    const translate = useTranslate();
    const resourceName = useResourceName();
    const today = localDate(new Date());
    const dayFilter = { at_gte: today, at_lte: today };
    const { data, isPending, error } = useQuery({
        queryKey: ['home', 'audit_log', 'params', today],
        queryFn: async () => {
            // the trail filters one resource at a time; a parameter changes a few times a day at most
            const pages = await Promise.all(
                PARAM_RESOURCES.map((resource) =>
                    fetchList<AuditRow>('audit_log', { ...dayFilter, resource }, [0, PER_RESOURCE - 1], ['at', 'DESC']),
                ),
            );
            return {
                rows: pages.flatMap((p) => p.rows),
                capped: pages.some((p) => (p.total ?? 0) > PER_RESOURCE),
            };
        },
    });
    const changes = data ? paramChanges(data.rows) : null;
    return (
        <HomeCard
            testId="param-changes"
            title={translate('home.params.title')}
            loading={isPending}
            error={error}
            figure={
                data?.capped ? (
                    translate('home.params.more_than', { count: changes?.count ?? 0 })
                ) : (
                    <Count value={changes?.count} />
                )
            }
            caption={changes?.count === 0 ? translate('home.params.none') : undefined}
            links={[{ label: translate('home.params.open'), to: listLink('audit_log', dayFilter) }]}
        >
            {changes && changes.count > 0 && (
                <>
                    <Stack direction="row" sx={{ flexWrap: 'wrap', gap: 0.5, mb: 1 }}>
                        {changes.byResource.map(([resource, n]) => (
                            <Chip
                                key={resource}
                                size="small"
                                clickable
                                component={Link}
                                to={listLink('audit_log', { ...dayFilter, resource })}
                                label={`${resourceName(resource)} ${n}`}
                            />
                        ))}
                    </Stack>
                    <List dense disablePadding>
                        {changes.latest.map((r) => (
                            <ListItem key={r.id} disableGutters sx={{ py: 0 }}>
                                <ListItemText
                                    primary={`${resourceName(r.resource)} · ${translate(`home.actions.${r.action}`)}`}
                                    secondary={`${shortTime(r.at)} · ${r.username ?? ''}`}
                                />
                            </ListItem>
                        ))}
                    </List>
                </>
            )}
        </HomeCard>
    );
};

/** The IT admin's panels. */
export const AdminHome = { OperatorsPanel, ParamChangesPanel };
