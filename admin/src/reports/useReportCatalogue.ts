import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { AppDataProvider } from '../providers/dataProvider';

/**
 * GET /api/reports through the dataProvider, shared by the menu and the report pages. It depends
 * on who is signed in (react-admin clears the query cache on logout) and on the open and last
 * closed business dates, which day-end rolls: the menu keeps it for a minute, a report page asks
 * again each time it opens (`fresh`), so its default date and 已日终 follow a day-end just run.
 */
export const useReportCatalogue = ({ fresh = false }: { fresh?: boolean } = {}) => {
    const dataProvider = useDataProvider<AppDataProvider>();
    return useQuery({
        queryKey: ['reports', 'catalogue'],
        queryFn: () => dataProvider.getReportCatalogue(),
        staleTime: 60 * 1000,
        refetchOnMount: fresh ? 'always' : true,
        retry: false,
    });
};
