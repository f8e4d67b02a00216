"""What the web page's tests share besides fixtures: the port and token the TestClient speaks
with, the tree, and a plan whose second step depends on its first."""

PORT = 8765
TOKEN = "test-token-0123456789"
TREE = {
    "downloads/a.pdf": "%PDF a",
    "downloads/c.pdf": "%PDF c",
    "downloads/b.png": "png",
    "notes/todo.txt": "milk",
    "notes/old.md": "old notes",
}
MOVE_RENAME = {
    "version": 1,
    "steps": [
        {
            "op": "move",
            "select": {"in": "downloads", "pattern": "*.pdf"},
            "to": "docs/papers",
        },
        {"op": "rename", "path": "docs/papers/a.pdf", "new_name": "paper-a.pdf"},
    ],
}
