"""The thin layer the pages share: cached connection and queries, sidebar, URL state."""
