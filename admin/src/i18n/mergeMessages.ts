import type { TranslationMessages } from 'react-admin';

type Tree = { [key: string]: unknown };

const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Deep merge: app messages extend react-admin's and win on conflicts (e.g. ra.page.dashboard). */
export const mergeMessages = (...sources: object[]): TranslationMessages => {
    const merge = (target: Tree, source: Tree): Tree => {
        for (const [key, value] of Object.entries(source)) {
            target[key] = isTree(value) && isTree(target[key]) ? merge({ ...(target[key] as Tree) }, value) : value;
        }
        return target;
    };
    return sources.reduce<Tree>((acc, source) => merge(acc, source as Tree), {}) as TranslationMessages;
};
