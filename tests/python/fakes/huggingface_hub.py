"""
FAKE of `huggingface_hub.snapshot_download` for tests without network access. As documented
(https://huggingface.co/docs/huggingface_hub/package_reference/file_download#huggingface_hub.snapshot_download),
it downloads the files of `repo_id` at `revision` that match `allow_patterns` (fnmatch-style
patterns) into `local_dir` and returns that folder's path. Here the "Hub" is `HUB`, which a test
fills: {(repo_id, repo_type, revision): {filename: bytes}}. An unknown revision raises, as the
real client does (RevisionNotFoundError).
"""
from __future__ import annotations

import fnmatch
import os

HUB: dict[tuple[str, str, str], dict[str, bytes]] = {}


class RevisionNotFoundError(Exception):
    pass


def snapshot_download(repo_id: str, *, repo_type: str | None = None, revision: str | None = None,
                      allow_patterns: list[str] | None = None, local_dir: str) -> str:
    files = HUB.get((repo_id, repo_type or "model", revision or "main"))
    if files is None:
        raise RevisionNotFoundError(f"{repo_id}@{revision} not found")
    for name, data in files.items():
        if allow_patterns is None or any(fnmatch.fnmatch(name, p) for p in allow_patterns):
            path = os.path.join(local_dir, name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
    return local_dir
