import { route, router } from '../http/route.js';
import { can } from './define-resource.js';
import { RESOURCES } from './registry.js';
import { listSpecOf } from './crud.routes.js';

/**
 * What the admin draws its generated screens from: each resource the operator may list, with
 * its fields, filters, sort columns and operations, and the data dictionary.
 */
export const metaRoutes = router().openapi(
  route('signed_in', {
    method: 'get',
    path: '/meta/resources',
    tags: ['meta'],
    summary: '资源元数据 Declared resources for the generated screens',
  }),
  async (c) => {
    const me = c.get('me')!;
    const visible = RESOURCES.filter((d) => me.permissions.has(`${d.name}.list`));
    // the whole dictionary (a few hundred words, none secret): every screen shows its codes by
    // their words, whether or not the operator may open the resource that declares them
    const dict = await c
      .get('deps')
      .db.selectFrom('dictionary')
      .select(['category', 'code', 'label_zh', 'label_en'])
      .orderBy('category')
      .orderBy('sort_order')
      .orderBy('code')
      .execute();
    const resources = visible.map((d) => ({
      name: d.name,
      label: d.label,
      group: d.group,
      key: d.key,
      display: d.display,
      default_sort: d.defaultSort,
      scope: d.scope,
      approval: !!d.approval,
      locked_by: d.lockedBy ?? null,
      operations: {
        create: can(d, 'create'),
        edit: can(d, 'edit'),
        delete: can(d, 'delete'),
        import: can(d, 'import'),
      },
      sortable: listSpecOf(d).sortable,
      fields: d.fields.map((f) => ({
        name: f.name,
        type: f.type,
        label: f.label,
        required: f.required !== false && f.default === undefined,
        nullable: !!f.nullable,
        max: f.max,
        min: f.min,
        max_value: f.maxValue,
        scale: f.scale,
        dict: f.dict,
        dict_by: f.dictBy,
        reference: f.reference,
        reference_column: f.referenceColumn ?? (f.reference ? 'id' : undefined),
        filter: f.filter,
        sortable: !!f.sortable,
        list: !!f.list,
        read_only: !!f.readOnly,
        create_only: !!f.createOnly,
        default: f.default,
        help: f.help,
      })),
    }));
    const dictionary: Record<string, { code: string; label_zh: string; label_en: string }[]> = {};
    for (const d of dict) {
      const entries = dictionary[d.category] ?? [];
      dictionary[d.category] = entries;
      entries.push({ code: d.code, label_zh: d.label_zh, label_en: d.label_en });
    }
    // every declared table's name, for the audit trail that names what was changed
    const labels = Object.fromEntries(RESOURCES.map((d) => [d.name, d.label]));
    return c.json({ resources, dictionary, labels }, 200);
  },
);
