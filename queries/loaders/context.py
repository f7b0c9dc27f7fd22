"""What a build reads, and the provenance it collects on the way."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from queries import sources as src


@dataclass
class BuildContext:
    """What a build reads, and what it has learnt so far."""

    sources_dir: Path
    data_dir: Path
    log: Callable[[str], None]
    provenance: list[dict[str, object]] = field(default_factory=list)
    qcew_loaded: bool = False

    def path(self, relative: str) -> Path:
        """A source file's path under the sources folder."""
        return self.sources_dir / relative

    def record(
        self,
        source_id: str,
        agency: str,
        table: str,
        vintage: str,
        path: Path,
        read: int,
        loaded: int,
        suppressed: int,
    ) -> None:
        """Add one provenance row for a loaded file."""
        self.provenance.append(
            dict(
                source_id=source_id,
                agency=agency,
                table_name=table,
                vintage=vintage,
                file_name=str(path.relative_to(self.sources_dir)),
                sha256=src.sha256(path),
                rows_read=read,
                rows_loaded=loaded,
                rows_suppressed=suppressed,
            )
        )

    def write_provenance(self, con: duckdb.DuckDBPyConnection) -> None:
        """Insert the provenance rows collected so far into the provenance table."""
        con.register("provenance_rows", pd.DataFrame(self.provenance))
        con.execute(
            "insert into provenance select source_id, agency, table_name, vintage, file_name,"
            " sha256, rows_read, rows_loaded, rows_suppressed from provenance_rows"
        )
        con.unregister("provenance_rows")
