/** Every leaf path of a message tree, with its value (the message tests walk trees with it). */
export const leaves = (tree: object, prefix = ''): [string, unknown][] =>
    Object.entries(tree).flatMap(([key, value]) =>
        typeof value === 'object' && value !== null
            ? leaves(value, `${prefix}${key}.`)
            : [[`${prefix}${key}`, value] as [string, unknown]],
    );

/** The interpolation tokens (`%{name}`) of a message, each once, sorted. */
export const tokens = (text: string) => [...new Set([...text.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]))].sort();
