import { createContext, useContext, useEffect, useState } from 'react';
import { API_URL, httpClient } from '../providers/httpClient';
import { getMe } from '../providers/session';
import type { MetaResponse, ResourceMeta } from './types';

export const META_URL = `${API_URL}/meta/resources`;

/** Tolerates a partial answer: the screens must not crash on a missing list. */
export const normalizeMeta = (json: unknown): MetaResponse => {
    const body = (json && typeof json === 'object' ? json : {}) as Partial<MetaResponse>;
    return {
        resources: Array.isArray(body.resources) ? body.resources : [],
        dictionary: body.dictionary && typeof body.dictionary === 'object' ? body.dictionary : {},
        labels: body.labels && typeof body.labels === 'object' ? body.labels : {},
    };
};

interface CacheEntry {
    session: string;
    promise: Promise<MetaResponse>;
    value?: MetaResponse;
}

let cache: CacheEntry | null = null;

/** The metadata depends on who is signed in (it lists what they may open): cache per session. */
const sessionKey = () => {
    const me = getMe();
    return me ? `${me.id}:${me.csrf_token}` : 'anonymous';
};

/**
 * GET /api/meta/resources (signed in): the declared resources the operator may list and the
 * dictionary labels their enums use. Cached for the session; `fresh` asks the server again.
 */
export const loadResourceMeta = (options: { fresh?: boolean } = {}): Promise<MetaResponse> => {
    const session = sessionKey();
    if (!options.fresh && cache && cache.session === session) return cache.promise;
    const entry: CacheEntry = {
        session,
        promise: httpClient(META_URL).then(({ json }) => normalizeMeta(json)),
    };
    entry.promise.then(
        (value) => {
            entry.value = value;
            // The first call may run before the session is known (a reload): file it under the real one.
            entry.session = sessionKey();
        },
        () => {
            if (cache === entry) cache = null;
        },
    );
    cache = entry;
    return entry.promise;
};

/** The cached metadata when already loaded for this session, without waiting. */
export const peekResourceMeta = (): MetaResponse | undefined =>
    cache?.value && cache.session === sessionKey() ? cache.value : undefined;

export interface ResourceMetaState {
    data?: MetaResponse;
    error?: Error;
    isPending: boolean;
    /** a declared resource by name, once loaded */
    getResource: (name: string | undefined) => ResourceMeta | undefined;
}

const stateOf = (data: MetaResponse | undefined, error?: Error): ResourceMetaState => ({
    data,
    error,
    isPending: !data && !error,
    getResource: (name) => (name ? data?.resources.find((r) => r.name === name) : undefined),
});

/** The resource metadata for components (loads it once per session, then answers at once). */
export const useResourceMeta = (): ResourceMetaState => {
    const provided = useContext(AutoMetaContext);
    const [state, setState] = useState<ResourceMetaState>(() => stateOf(provided ?? peekResourceMeta()));
    useEffect(() => {
        if (provided || state.data) return;
        let live = true;
        loadResourceMeta().then(
            (data) => live && setState(stateOf(data)),
            (error) => live && setState(stateOf(undefined, error instanceof Error ? error : new Error(String(error)))),
        );
        return () => {
            live = false;
        };
    }, [provided, state.data]);
    return provided ? stateOf(provided) : state;
};

/** Lets a screen hand its already loaded metadata to every cell below it. */
export const AutoMetaContext = createContext<MetaResponse | undefined>(undefined);
