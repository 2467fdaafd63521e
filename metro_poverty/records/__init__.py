"""The records people write in the app: FGD sessions with their agreements and follow-ups, saved
agendas and scenarios, and failed sign-ins. One SQLite file (stdlib sqlite3), made for many small
concurrent writes, with a schema and numbered migrations in queries/records_migrations/, every other
statement a file queries/records_*.sql with bound parameters.

- database: the file, its migrations, the check at opening (a damaged file refuses to start, it is
  never replaced by an empty one), transactions
- backup: a copy when a session is closed and once a day; restore
- legacy: the one-time import of the JSON files earlier versions kept
- saved: named documents (scenarios, agendas) with an owner and versions, archived but never deleted
- attempts: failed sign-ins, for the delay and the lockout
- cli: check, backup, restore from the command line
"""
