import AssessmentIcon from '@mui/icons-material/Assessment';
import { Link, ListSubheader } from '@mui/material';
import { Menu, useLocaleState, useSidebarState, useTranslate } from 'react-admin';
import { Link as RouterLink } from 'react-router-dom';
import { labelOf, REPORTS_PATH, reportPath } from './reportParams';
import { useReportCatalogue } from './useReportCatalogue';

/**
 * 报表管理 in the menu: one item per report the operator may run or download (the catalogue lists
 * only those), under a heading that opens the page of all reports. Nothing when there is none.
 */
export const ReportsMenuItems = () => {
    const translate = useTranslate();
    const [locale] = useLocaleState();
    const [open] = useSidebarState();
    const { data } = useReportCatalogue();
    if (!data?.reports.length) return null;
    return (
        <>
            {open && (
                <ListSubheader
                    disableSticky
                    sx={{ lineHeight: '32px', mt: 1, bgcolor: 'transparent', color: 'text.secondary', fontSize: 12 }}
                >
                    <Link
                        component={RouterLink}
                        to={REPORTS_PATH}
                        color="inherit"
                        underline="hover"
                        data-testid="reports-menu-group"
                    >
                        {translate('reports.menu.group')}
                    </Link>
                </ListSubheader>
            )}
            {data.reports.map((r) => (
                <Menu.Item
                    key={r.id}
                    to={reportPath(r.id)}
                    primaryText={labelOf(r.title, locale)}
                    leftIcon={<AssessmentIcon />}
                />
            ))}
        </>
    );
};
