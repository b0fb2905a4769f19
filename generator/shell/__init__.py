"""Shared services with no knowledge of plans: the exception hierarchy and located messages, the
message catalogs, safe (staged, atomic) writes, the one YAML writer (ruamel.yaml round trip, with
the author's layout kept), progress on a terminal, and the two-core batch runner.

May import: nothing else of generator.
"""
