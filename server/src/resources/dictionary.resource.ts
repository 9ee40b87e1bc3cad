import { defineResource } from './define-resource.js';
import { COMMON, L } from './labels.js';

/** 数据字典: code → zh/en label for every enum the app uses. Enum fields validate against it. */
export const dictionary = defineResource({
  name: 'dictionary',
  label: L('数据字典', 'Data dictionary'),
  group: 'system',
  key: ['category', 'code'],
  display: 'label_zh',
  defaultSort: ['category', 'ASC'],
  scope: 'global',
  fields: [
    {
      name: 'category',
      type: 'text',
      label: L('类别', 'Category'),
      max: 40,
      createOnly: true,
      filter: 'eq',
      sortable: true,
      list: true,
      pattern: { regex: /^[a-z][a-z0-9_]*$/, message: L('小写字母、数字和下划线', 'Lower-case letters, digits and _') },
    },
    {
      name: 'code',
      type: 'text',
      label: COMMON.code,
      max: 40,
      createOnly: true,
      filter: 'eq',
      sortable: true,
      list: true,
    },
    { name: 'label_zh', type: 'text', label: L('中文标签', 'Chinese label'), max: 60, filter: 'like', list: true },
    { name: 'label_en', type: 'text', label: L('英文标签', 'English label'), max: 80, list: true },
    {
      name: 'sort_order',
      type: 'integer',
      label: L('排序', 'Order'),
      min: 0,
      maxValue: 9999,
      default: 0,
      sortable: true,
      list: true,
    },
  ],
});
