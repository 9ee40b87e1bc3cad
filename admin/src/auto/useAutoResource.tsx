import { Alert, LinearProgress } from '@mui/material';
import type { ReactNode } from 'react';
import { useResourceContext, useTranslate } from 'react-admin';
import { AutoMetaContext, useResourceMeta } from './meta';
import type { MetaResponse, ResourceMeta } from './types';

/** The metadata of the screen's resource: given by prop, else looked up by the resource context. */
export const useAutoResource = (metaProp?: ResourceMeta) => {
    const resource = useResourceContext();
    const state = useResourceMeta();
    const name = metaProp?.name ?? resource;
    return { ...state, name, meta: metaProp ?? state.getResource(name) };
};

/**
 * Renders `children` with the metadata once it is there (and provides it to every cell below);
 * a progress bar until then, an error if the server does not declare the resource.
 */
export const WithAutoMeta = ({
    meta: metaProp,
    children,
}: {
    meta?: ResourceMeta;
    children: (meta: ResourceMeta, all: MetaResponse | undefined) => ReactNode;
}) => {
    const translate = useTranslate();
    const { meta, data, error, isPending, name } = useAutoResource(metaProp);
    if (meta) return <AutoMetaContext.Provider value={data}>{children(meta, data)}</AutoMetaContext.Provider>;
    if (error)
        return (
            <Alert severity="error" sx={{ m: 2 }}>
                {translate('auto.common.meta_failed', { message: error.message })}
            </Alert>
        );
    if (isPending) return <LinearProgress sx={{ m: 2 }} />;
    return (
        <Alert severity="warning" sx={{ m: 2 }}>
            {translate('auto.common.unknown_resource', { name: name ?? '' })}
        </Alert>
    );
};
