import { Chip, Link as MuiLink, List, ListItem, ListItemText, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { useResourceName } from '../approvals/ApprovalFields';
import { Count, HomeCard } from './HomeCard';
import { fetchList } from './homeApi';
import { canDecide, listLink, shortTime, type PendingApproval } from './homeLogic';

const PAGE = 100;
const LATEST = 4;

/** 待复核: how many changes wait, how many of them this operator may decide, the latest few. */
export const ApprovalsPanel = ({ me }: { me: { id: number; permissions: readonly string[] } }) => {
    const translate = useTranslate();
    const resourceName = useResourceName();
    const { data, isPending, error } = useQuery({
        queryKey: ['home', 'approvals', 'pending'],
        queryFn: () =>
            fetchList<PendingApproval>('approvals', { status: 'pending' }, [0, PAGE - 1], ['created_at', 'DESC']),
    });
    const total = data?.total ?? data?.rows.length ?? 0;
    const decidable = data?.rows.filter((a) => canDecide(a, me)).length ?? 0;
    const latest = data?.rows.slice(0, LATEST) ?? [];
    return (
        <HomeCard
            testId="approvals"
            title={translate('home.approvals.title')}
            loading={isPending}
            error={error}
            figure={<Count value={total} />}
            caption={
                total === 0
                    ? translate('home.approvals.none')
                    : decidable > 0
                      ? translate('home.approvals.decidable', { count: decidable })
                      : translate('home.approvals.decidable_none')
            }
            links={[
                {
                    label: translate('home.approvals.open'),
                    to: listLink('approvals', { status: 'pending' }),
                    primary: total > 0,
                },
            ]}
        >
            {latest.length > 0 && (
                <List dense disablePadding>
                    {latest.map((a) => (
                        <ListItem key={a.id} disableGutters sx={{ py: 0 }}>
                            <ListItemText
                                primary={
                                    <MuiLink component={Link} to={`/approvals/${a.id}/show`} underline="hover">
                                        {resourceName(a.resource)} ·{' '}
                                        {translate(`auto.approvals.operations.${a.operation}`, { _: a.operation })}
                                        {a.resource === 'roles' && a.summary ? ` · ${a.summary}` : ''}
                                    </MuiLink>
                                }
                                secondary={
                                    <Typography variant="caption" color="text.secondary" component="span">
                                        {shortTime(a.created_at)} ·{' '}
                                        {a.maker_id === me.id
                                            ? translate('home.approvals.yours')
                                            : translate('home.approvals.by', { maker: a.maker_name ?? '' })}
                                        {canDecide(a, me) && (
                                            <Chip
                                                component="span"
                                                size="small"
                                                color="warning"
                                                variant="outlined"
                                                label={translate('home.approvals.for_you')}
                                                sx={{ ml: 1, height: 18 }}
                                            />
                                        )}
                                    </Typography>
                                }
                            />
                        </ListItem>
                    ))}
                </List>
            )}
        </HomeCard>
    );
};
