import type { Label } from './define-resource.js';

/** A zh/en label pair. */
export const L = (zh: string, en: string): Label => ({ zh, en });

/** Labels shared by many resources: one wording everywhere. */
export const COMMON = {
  code: L('代码', 'Code'),
  name: L('名称', 'Name'),
  name_zh: L('中文名称', 'Name (Chinese)'),
  name_en: L('英文名称', 'Name (English)'),
  status: L('状态', 'Status'),
  market: L('市场', 'Market'),
  branch_id: L('营业部', 'Branch'),
  note: L('备注', 'Note'),
  phone: L('电话', 'Phone'),
};
