-- Why a clip's last re-score did not apply (its job failed for good or was cancelled): the clip shows it until its
-- next edit, instead of only the Jobs page knowing.
ALTER TABLE clips ADD COLUMN rescore_error VARCHAR(2000);
