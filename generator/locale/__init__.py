"""Message catalogs (gettext .po files) for plangen's user-facing messages."""
