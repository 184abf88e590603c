"""Errors the storage layer raises, worded for the person using the app."""


class StoreError(Exception):
    """Base class: a message safe to show in a dialog as it is."""


class NewerSchemaError(StoreError):
    """The progress file was written by a newer version of the app.

    We refuse to open it rather than guess: an older app writing into a newer
    schema could silently drop what the newer version recorded.
    """


class CorruptStoreError(StoreError):
    """SQLite reports the file as damaged (``quick_check`` failed or not a database)."""


class StoreFullError(StoreError):
    """A write failed because the disk (or the database's size limit) is full.

    Nothing already written is lost: the failed transaction is rolled back.
    """
