-- Every source file the build loaded: agency, table, vintage, SHA-256 and row counts.
-- No parameters.
select *
from provenance
order by source_id, file_name
