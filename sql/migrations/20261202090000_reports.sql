-- 报表管理: each report is its own right in the role matrix (<report>.run to preview it,
-- <report>.export to download it), replacing the single `reports` right; the PDF row cap.

DELETE FROM role_permissions WHERE resource = 'reports';

INSERT INTO system_params (key, value, type, category, name_zh, name_en, description) VALUES
  ('report_pdf_max_rows', '10000', 'integer', 'limits', 'PDF 报表最多行数', 'Most rows in a PDF report',
   '超过时请下载 Excel 或 CSV：PDF 在内存中排版，一万行约需十余秒');
