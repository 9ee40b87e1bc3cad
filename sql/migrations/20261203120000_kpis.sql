-- KPI tiers by contribution (经营指标 客户贡献分层): of the clients who paid commission in the last
-- year, ranked by it, the top share are 核心客户 and the next up to the second share 优质客户.
INSERT INTO system_params (key, value, type, category, name_zh, name_en, description) VALUES
  ('contribution_core_share', '0.2', 'decimal', 'kpi', '核心客户佣金排名比例', 'Core clients: top share of commission payers', '近一年有佣金的客户按佣金排名，前此比例为核心客户'),
  ('contribution_quality_share', '0.5', 'decimal', 'kpi', '优质客户佣金排名比例', 'Quality clients: top share of commission payers', '核心之后、排名在此比例以内为优质客户')
ON CONFLICT (key) DO NOTHING;
