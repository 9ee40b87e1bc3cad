-- 柜台确认: a counter cash posting or an order above these amounts asks the operator to confirm
-- it, showing the amount in Chinese capitals (中文大写), before it is sent; Enter alone never posts it.
-- 0 asks for every amount.

INSERT INTO system_params (key, value, type, category, name_zh, name_en, description) VALUES
  ('confirm_cash_above', '50000', 'decimal', 'limits', '柜台资金确认金额(元)', 'Confirm counter cash above (CNY)',
   '存取款、转账等柜台资金业务金额超过此数时，须在确认框（显示大写金额）中确认后才记账'),
  ('confirm_order_above', '100000', 'decimal', 'limits', '委托确认金额(元)', 'Confirm orders above (CNY)',
   '委托金额（价格 × 数量）超过此数时，须在确认框（显示大写金额）中确认后才下单');
