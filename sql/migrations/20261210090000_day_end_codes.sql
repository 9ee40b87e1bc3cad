-- Day-end runs and steps record what happened as message codes with their parameters, worded when
-- read in the reader's language (the screen's, the CLI's Chinese), instead of Chinese text frozen
-- at the time of the run. The text columns stay for the rows written before: a row without a key
-- shows its stored text.

-- why a failed run failed: the message key and its parameters, and the step it failed at
ALTER TABLE day_end_runs
  ADD COLUMN error_key     text,
  ADD COLUMN error_params  jsonb,
  ADD COLUMN failed_step   text;

-- what a step reported (or why it failed): the message key and its parameters
ALTER TABLE day_end_steps
  ADD COLUMN detail_key     text,
  ADD COLUMN detail_params  jsonb;
