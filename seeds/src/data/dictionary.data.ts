/** The data dictionary every install starts with: code → zh/en label for each enum the app uses. */
export const DICTIONARY: Record<string, [code: string, zh: string, en: string][]> = {
  record_status: [
    ['active', '正常', 'Active'],
    ['suspended', '暂停', 'Suspended'],
    ['closed', '关闭', 'Closed'],
  ],
  branch_status: [
    ['active', '营业', 'Open'],
    ['closed', '已撤销', 'Closed'],
  ],
  exchange: [
    ['SSE', '上海证券交易所', 'Shanghai Stock Exchange'],
    ['SZSE', '深圳证券交易所', 'Shenzhen Stock Exchange'],
    ['BSE', '北京证券交易所', 'Beijing Stock Exchange'],
  ],
  currency: [
    ['CNY', '人民币', 'Renminbi'],
    ['USD', '美元', 'US dollar'],
    ['HKD', '港币', 'Hong Kong dollar'],
  ],
  settlement_cycle: [
    ['T+0', 'T+0', 'T+0'],
    ['T+1', 'T+1', 'T+1'],
    ['T+3', 'T+3', 'T+3'],
  ],
  seat_type: [
    ['ordinary', '普通席位', 'Ordinary'],
    ['credit', '信用席位', 'Credit'],
    ['bond', '债券席位', 'Bond'],
  ],
  security_type: [
    ['stock', '股票', 'Stock'],
    ['fund', '基金', 'Fund'],
    ['etf', 'ETF', 'ETF'],
    ['bond', '债券', 'Bond'],
  ],
  board: [
    ['main', '主板', 'Main board'],
    ['chinext', '创业板', 'ChiNext'],
    ['star', '科创板', 'STAR'],
    ['bse', '北交所', 'BSE'],
  ],
  security_status: [
    ['listed', '上市', 'Listed'],
    ['suspended', '停牌', 'Suspended'],
    ['delisted', '退市', 'Delisted'],
  ],
  // where a day's close came from (closing_prices.source)
  close_source: [
    ['exchange', '交易所行情', 'Exchange'],
    ['import', '导入', 'Imported'],
    ['carried', '沿用前收盘', 'Carried forward'],
  ],
  fee_item: [
    ['commission', '佣金', 'Commission'],
    ['stamp_duty', '印花税', 'Stamp duty'],
    ['transfer_fee', '过户费', 'Transfer fee'],
    ['handling_fee', '经手费', 'Handling fee'],
    ['regulatory_fee', '证管费', 'Regulatory fee'],
  ],
  fee_scope: [
    ['default', '默认', 'Default'],
    ['market', '市场', 'Market'],
    ['security_type', '证券类别', 'Security type'],
    ['board', '板块', 'Board'],
    ['client_class', '客户类别', 'Client class'],
    ['client', '客户', 'Client'],
  ],
  fee_side: [
    ['both', '买卖双向', 'Both'],
    ['buy', '买入', 'Buy'],
    ['sell', '卖出', 'Sell'],
  ],
  client_class: [
    ['retail', '普通客户', 'Retail'],
    ['vip', '贵宾客户', 'VIP'],
    ['institution', '机构客户', 'Institution'],
    ['employee', '员工账户', 'Employee'],
  ],
  param_type: [
    ['integer', '整数', 'Integer'],
    ['decimal', '小数', 'Decimal'],
    ['date', '日期', 'Date'],
    ['text', '文本', 'Text'],
    ['boolean', '是/否', 'Yes/no'],
    ['date_list', '日期列表', 'Date list'],
  ],
  param_category: [
    ['general', '通用', 'General'],
    ['security', '安全', 'Security'],
    ['business', '业务', 'Business'],
    ['interest', '利息', 'Interest'],
    ['kpi', '经营指标', 'KPIs'],
    ['limits', '限额', 'Limits'],
  ],
};
