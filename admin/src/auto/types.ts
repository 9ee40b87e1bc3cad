/** A zh/en pair, as the server declares labels and help texts. */
export interface Bilingual {
    zh: string;
    en: string;
}

export type FieldType = 'text' | 'integer' | 'decimal' | 'date' | 'time' | 'boolean' | 'enum' | 'reference';

/** One declared field of a resource (GET /api/meta/resources). */
export interface FieldMeta {
    name: string;
    type: FieldType;
    label: Bilingual;
    required: boolean;
    nullable: boolean;
    /** text: maximum length */
    max?: number;
    /** integer/decimal bounds (decimals as strings) */
    min?: string | number;
    max_value?: string | number;
    /** decimal: digits after the point */
    scale?: number;
    /** enum: the dictionary category of its codes */
    dict?: string;
    /** text: a code whose dictionary category is chosen by another field's value (a fee's 适用对象 by its 适用范围) */
    dict_by?: { field: string; categories: Record<string, string> };
    /** reference: the resource pointed to */
    reference?: string;
    /** reference: the column of the referenced resource the value holds ('id' or e.g. 'code') */
    reference_column?: string;
    filter?: 'eq' | 'like' | 'range';
    sortable: boolean;
    /** a default list column */
    list: boolean;
    read_only: boolean;
    create_only: boolean;
    default?: string | number | boolean | null;
    help?: Bilingual;
}

export type ResourceGroup = 'system' | 'trading' | 'clients';

export interface ResourceMeta {
    name: string;
    label: Bilingual;
    group: ResourceGroup;
    /** the natural key: how an import finds an existing row */
    key: string[];
    /** the field shown when the resource is referenced */
    display: string;
    default_sort: [string, 'ASC' | 'DESC'];
    scope: 'global' | 'branch';
    /** changes wait for a second operator (复核) */
    approval: boolean;
    /** records whose boolean field of this name is true are read-only */
    locked_by?: string | null;
    operations: { create: boolean; edit: boolean; delete: boolean; import: boolean };
    sortable: string[];
    fields: FieldMeta[];
}

export interface DictionaryEntry {
    code: string;
    label_zh: string;
    label_en: string;
}

export type Dictionary = Record<string, DictionaryEntry[]>;

export interface MetaResponse {
    resources: ResourceMeta[];
    dictionary: Dictionary;
    /** every declared resource's name, including those the operator may not open */
    labels: Record<string, Bilingual>;
}

/** One audit row of GET /api/<name>/<id>/history. */
export interface HistoryEntry {
    id: number;
    at: string;
    operator_id: number | null;
    username: string | null;
    action: string;
    before: unknown;
    after: unknown;
    detail: string | null;
}
