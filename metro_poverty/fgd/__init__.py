"""The FGD room's records: agendas of views to present, and sessions with the agreements reached."""
