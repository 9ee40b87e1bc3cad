import { useQuery } from '@tanstack/react-query';
import { useDataProvider } from 'react-admin';
import type { AppDataProvider } from '../../providers/dataProvider';

/** GET /api/permission_catalog: a plain array, not a react-admin resource; it rarely changes. */
export const usePermissionCatalog = () => {
    const dataProvider = useDataProvider<AppDataProvider>();
    return useQuery({
        queryKey: ['permission_catalog'],
        queryFn: () => dataProvider.getPermissionCatalog(),
        staleTime: 5 * 60 * 1000,
    });
};
