"""fileagent: plain-language request -> previewed, journaled, undoable file operations inside one folder."""

__version__ = "0.1.0"
