"""Where an export may be written: a file in a folder that exists, said in words before anything is written.

Writing ``-o reports/quiz.gift`` when ``reports`` does not exist used to fail
with Python's ``[Errno 2] No such file or directory: 'reports/quiz.gift'``,
which names the file, not what is wrong. The folder is not created: a Save
dialog only offers folders that exist, so a missing one in a typed path is
most likely a typo, and making it would leave the file where nobody looks.
"""

from __future__ import annotations

from pathlib import Path


class TargetFolderError(OSError):
    """The folder an export was to be written in does not exist (or is a file); the message says which."""

    def __init__(self, message: str, path: Path, folder_is_file: bool = False):
        super().__init__(message)
        self.path = path
        self.folder = path.parent
        self.folder_is_file = folder_is_file


def check_target(path: str | Path) -> Path:
    """``path`` if its folder exists; else :class:`TargetFolderError` naming the folder."""
    path = Path(path)
    folder = path.parent
    if folder.is_dir():
        return path
    if folder.exists():
        raise TargetFolderError(f"Cannot write {path}: {folder} is a file, not a folder.", path, True)
    raise TargetFolderError(f"Cannot write {path}: the folder {folder} does not exist. "
                            "Choose a folder that exists, or create it first.", path)
