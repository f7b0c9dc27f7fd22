-- about_provenance: every source file loaded, with its checksum and row counts.
-- takes no parameters
select
    agency,
    table_name,
    vintage,
    file_name,
    sha256,
    rows_read,
    rows_loaded,
    rows_suppressed,
    source_id
from provenance
order by agency, table_name
