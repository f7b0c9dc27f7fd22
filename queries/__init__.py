"""The Atlas database: the build, the SQL files the pages run, read-only access."""
