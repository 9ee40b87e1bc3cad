import { useEffect, useState } from 'react';

/** The value once it has stopped changing for `delay` ms (the search and the estimate wait for typing to pause). */
export const useDebouncedValue = <T>(value: T, delay = 300): T => {
    const [settled, setSettled] = useState(value);
    useEffect(() => {
        const timer = setTimeout(() => setSettled(value), delay);
        return () => clearTimeout(timer);
    }, [value, delay]);
    return settled;
};
