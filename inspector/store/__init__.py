"""SQLite storage: one WAL database file, versioned migrations, repositories that return dataclasses."""
