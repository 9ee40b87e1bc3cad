import type { ReactNode } from 'react';
import { Box, Button, Card, CardActions, CardContent, CardHeader, Skeleton, Typography } from '@mui/material';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';

export interface HomeLink {
    label: string;
    to: string | { pathname: string; search?: string };
    primary?: boolean;
}

/**
 * One panel of the home page: a title, the figure it is about (a count), a line or a short list
 * under it, and the links that open the work. `testId` names the panel for the browser test.
 */
export const HomeCard = ({
    testId,
    title,
    figure,
    caption,
    loading,
    error,
    links = [],
    children,
}: {
    testId: string;
    title: string;
    figure?: ReactNode;
    caption?: ReactNode;
    loading?: boolean;
    error?: unknown;
    links?: HomeLink[];
    children?: ReactNode;
}) => {
    const translate = useTranslate();
    return (
        <Card
            data-testid={`home-${testId}`}
            sx={{ display: 'flex', flexDirection: 'column', minHeight: 220, height: '100%' }}
        >
            <CardHeader title={title} slotProps={{ title: { variant: 'subtitle1', fontWeight: 600 } }} sx={{ pb: 0 }} />
            <CardContent sx={{ flexGrow: 1 }}>
                {loading ? (
                    <Skeleton variant="rounded" height={64} aria-label={translate('home.loading')} />
                ) : error ? (
                    <Typography color="error" variant="body2">
                        {translate('home.failed', { message: (error as Error)?.message ?? '' })}
                    </Typography>
                ) : (
                    <>
                        {figure !== undefined && (
                            <Typography variant="h4" component="div" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                                {figure}
                            </Typography>
                        )}
                        {caption && (
                            <Typography variant="body2" color="text.secondary" component="div" sx={{ mb: 1 }}>
                                {caption}
                            </Typography>
                        )}
                        <Box>{children}</Box>
                    </>
                )}
            </CardContent>
            {links.length > 0 && (
                <CardActions sx={{ px: 2, pb: 2, flexWrap: 'wrap', gap: 1 }}>
                    {links.map((l) => (
                        <Button
                            key={l.label}
                            component={Link}
                            to={l.to}
                            size="small"
                            variant={l.primary ? 'contained' : 'outlined'}
                            sx={{ ml: '0 !important' }}
                        >
                            {l.label}
                        </Button>
                    ))}
                </CardActions>
            )}
        </Card>
    );
};

/** A number with 千分位 (counts are whole numbers). */
export const Count = ({ value }: { value: number | null | undefined }) => (
    <>{value === null || value === undefined ? '—' : value.toLocaleString('en-US')}</>
);
