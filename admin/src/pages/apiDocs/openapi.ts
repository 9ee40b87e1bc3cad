/**
 * Reads an OpenAPI 3.1 document into what the API reference page shows: operations grouped by
 * tag, with the `x-permission` each one requires and a flat view of parameters and body fields.
 * Only the parts of the spec the server uses are interpreted; anything else degrades to "object".
 */

type Json = Record<string, any>;

export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'] as const;

export interface FieldDoc {
    name: string;
    type: string;
    required: boolean;
    description?: string;
    /** Query, path, header or cookie, for parameters. */
    in?: string;
}

export interface OperationDoc {
    id: string;
    method: string;
    path: string;
    summary: string;
    description?: string;
    permission?: string;
    deprecated: boolean;
    parameters: FieldDoc[];
    requestBody: { contentType: string; fields: FieldDoc[]; type: string } | null;
}

export interface TagGroup {
    tag: string;
    description?: string;
    operations: OperationDoc[];
}

export interface ApiDoc {
    /** The first server's relative URL ("/api"), which the paths are relative to. */
    basePath: string;
    title: string;
    version: string;
    description?: string;
    groups: TagGroup[];
}

/** Follows a local "#/components/..." reference; unknown references resolve to {}. */
export const resolveRef = (doc: Json, schema: Json | undefined, depth = 0): Json => {
    if (!schema || typeof schema !== 'object') return {};
    if (typeof schema.$ref !== 'string' || depth > 20) return schema;
    const path = schema.$ref.replace(/^#\//, '').split('/');
    let target: any = doc;
    for (const segment of path) target = target?.[segment.replace(/~1/g, '/').replace(/~0/g, '~')];
    return resolveRef(doc, target ?? {}, depth + 1);
};

/** A short type label: "string", "integer[]", "string | null", "'active' | 'disabled'", "date-time". */
export const typeLabel = (doc: Json, raw: Json | undefined): string => {
    const schema = resolveRef(doc, raw);
    if (Array.isArray(schema.enum) && schema.enum.length > 0) {
        return schema.enum.map((v: unknown) => JSON.stringify(v)).join(' | ');
    }
    if ('const' in schema) return JSON.stringify(schema.const);
    const variants = schema.anyOf ?? schema.oneOf;
    if (Array.isArray(variants)) {
        return [...new Set(variants.map((v: Json) => typeLabel(doc, v)))].join(' | ');
    }
    if (Array.isArray(schema.allOf)) return 'object';
    const types: string[] = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
    if (types.length === 0) return schema.properties ? 'object' : 'any';
    return types
        .map((type) => {
            if (type === 'array') return `${typeLabel(doc, schema.items)}[]`;
            if (type === 'string' && schema.format) return `string (${schema.format})`;
            return type;
        })
        .join(' | ');
};

/** Properties of an object schema, merging allOf parts. */
export const schemaFields = (doc: Json, raw: Json | undefined): FieldDoc[] => {
    const schema = resolveRef(doc, raw);
    if (Array.isArray(schema.allOf)) return schema.allOf.flatMap((part: Json) => schemaFields(doc, part));
    const required = new Set<string>(Array.isArray(schema.required) ? schema.required : []);
    return Object.entries((schema.properties ?? {}) as Record<string, Json>).map(([name, prop]) => {
        const resolved = resolveRef(doc, prop);
        return {
            name,
            type: typeLabel(doc, prop),
            required: required.has(name),
            description: resolved.description ?? prop.description,
        };
    });
};

const parameterDocs = (doc: Json, pathItem: Json, operation: Json): FieldDoc[] => {
    const merged = new Map<string, Json>();
    // Operation-level parameters override path-level ones with the same name and location.
    for (const raw of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]) {
        const param = resolveRef(doc, raw);
        merged.set(`${param.in}:${param.name}`, param);
    }
    return [...merged.values()].map((param) => ({
        name: String(param.name),
        in: param.in,
        required: !!param.required,
        type: typeLabel(doc, param.schema),
        description: param.description ?? resolveRef(doc, param.schema).description,
    }));
};

const requestBodyDoc = (doc: Json, operation: Json): OperationDoc['requestBody'] => {
    const body = resolveRef(doc, operation.requestBody);
    const content = (body.content ?? {}) as Record<string, Json>;
    const contentType = Object.keys(content).find((type) => type.includes('json')) ?? Object.keys(content)[0];
    if (!contentType) return null;
    const schema = content[contentType]?.schema;
    return { contentType, fields: schemaFields(doc, schema), type: typeLabel(doc, schema) };
};

export const parseOpenApi = (raw: unknown): ApiDoc => {
    const doc = (raw && typeof raw === 'object' ? raw : {}) as Json;
    const byTag = new Map<string, OperationDoc[]>();
    for (const [path, pathItem] of Object.entries((doc.paths ?? {}) as Record<string, Json>)) {
        for (const method of HTTP_METHODS) {
            const operation = pathItem?.[method];
            if (!operation) continue;
            const op: OperationDoc = {
                id: operation.operationId ?? `${method} ${path}`,
                method: method.toUpperCase(),
                path,
                summary: operation.summary ?? '',
                description: operation.description,
                permission: operation['x-permission'],
                deprecated: !!operation.deprecated,
                parameters: parameterDocs(doc, pathItem, operation),
                requestBody: requestBodyDoc(doc, operation),
            };
            const tags: string[] = operation.tags?.length ? operation.tags : [''];
            for (const tag of tags) byTag.set(tag, [...(byTag.get(tag) ?? []), op]);
        }
    }
    // Tags in the document's declared order first, then the rest alphabetically; untagged last.
    const declared: Json[] = Array.isArray(doc.tags) ? doc.tags : [];
    const order = (tag: string) => {
        if (tag === '') return Number.MAX_SAFE_INTEGER;
        const index = declared.findIndex((t) => t.name === tag);
        return index === -1 ? declared.length : index;
    };
    const groups = [...byTag.entries()]
        .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
        .map(([tag, operations]) => ({
            tag,
            description: declared.find((t) => t.name === tag)?.description,
            operations,
        }));
    const serverUrl: unknown = doc.servers?.[0]?.url;
    return {
        basePath: typeof serverUrl === 'string' && serverUrl.startsWith('/') ? serverUrl.replace(/\/$/, '') : '',
        title: doc.info?.title ?? '',
        version: doc.info?.version ?? '',
        description: doc.info?.description,
        groups,
    };
};

/** Case-insensitive match on path, summary, method and permission. */
export const filterGroups = (groups: TagGroup[], query: string): TagGroup[] => {
    const q = query.trim().toLowerCase();
    if (!q) return groups;
    return groups
        .map((group) => ({
            ...group,
            operations: group.operations.filter((op) =>
                [op.path, op.summary, op.method, op.permission ?? '', group.tag].some((text) =>
                    text.toLowerCase().includes(q),
                ),
            ),
        }))
        .filter((group) => group.operations.length > 0);
};
