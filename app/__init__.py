"""The application: one facade (:class:`app.workspace.Workspace`) over the stores and the engine.

The GUI (``ui/``) and the command line (``cli/``) do everything through it: open
the data folder, read packs, record answers, show progress, back up and restore.
It holds no Qt, so every use case can be tested headless. (Anki's ``Collection``
plays the same part between its ``aqt`` GUI and its storage.)
"""
