import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';

/** `value` once it has stayed the same for `ms`. */
export function useSettled<T>(value: T, ms: number): T {
    const [settled, setSettled] = useState(value);
    useEffect(() => {
        const timer = setTimeout(() => setSettled(value), ms);
        return () => clearTimeout(timer);
    }, [value, ms]);
    return settled;
}

/**
 * A server answer that follows what the operator types (the fee preview, the order ticket's
 * estimate): asked once the request (`body`, a string, null when incomplete) has settled for
 * `ms`, the answer of an older request never replacing a newer one (react-query keys them), the
 * last answer kept on screen while the next one comes. `pending` while typing or asking.
 */
export function useDebouncedQuery<T>(name: string, body: string | null, ask: (body: string) => Promise<T>, ms = 300) {
    const settled = useSettled(body, ms);
    const query = useQuery({
        queryKey: ['typed', name, settled],
        queryFn: () => ask(settled!),
        enabled: settled !== null,
        placeholderData: keepPreviousData,
        // a refusal is an answer (shown to the operator), not a network hiccup to retry
        retry: false,
        staleTime: 0,
        gcTime: 60_000,
    });
    return { ...query, settled, pending: (body !== null && body !== settled) || query.isFetching };
}
