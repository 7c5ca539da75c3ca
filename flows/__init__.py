"""flows: Prefect flows composing ``claims`` and ``warehouse``, and the ``claimtrack`` command line."""
