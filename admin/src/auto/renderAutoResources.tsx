import { Resource } from 'react-admin';
import { autoResources, type AutoOverrides } from './autoResourceProps';
import { loadResourceMeta } from './meta';

/**
 * The function child of <Admin> that declares the generated resources once the operator is
 * signed in (react-admin calls it again when the permissions change, i.e. after another sign-in).
 * It never rejects: without metadata (signed out, server down) it declares nothing, and the
 * hand-written resources still work.
 */
export const renderAutoResources =
    (options: { overrides?: AutoOverrides; exclude?: readonly string[] } = {}) =>
    async (permissions?: unknown) => {
        if (!permissions) return null;
        try {
            const meta = await loadResourceMeta({ fresh: true });
            return (
                <>
                    {autoResources(meta, options).map((props) => (
                        <Resource key={props.name} {...props} />
                    ))}
                </>
            );
        } catch {
            return null;
        }
    };
