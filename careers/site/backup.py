"""Backups of the database and the media files, and restoring them (``manage.py backup`` /
``manage.py restore``).

A backup is one tar archive::

    manifest.json        when, which database engine, each member's size and SHA-256
    database.sqlite3     SQLite: a consistent copy made with SQLite's online backup API
                         (the site keeps serving, and writing, while it runs)
    database.pgdump      PostgreSQL: ``pg_dump --format=custom`` (one consistent snapshot)
    media/...            every file under MEDIA_ROOT (editors' images)

Restoring checks every member against the manifest first, then replaces the database's
contents (SQLite: the online backup API in the other direction; PostgreSQL: ``pg_restore
--clean --if-exists --single-transaction``, so a failed restore changes nothing) and makes
MEDIA_ROOT hold exactly the backup's files.
"""

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.utils import timezone

MANIFEST = "manifest.json"
FORMAT = 1


class BackupError(Exception):
    pass


def _sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _engine(alias):
    vendor = connections[alias].vendor
    if vendor not in ("sqlite", "postgresql"):
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    return vendor


def _pg_command(name, alias):
    """``pg_dump`` / ``pg_restore`` with the connection's settings (password by environment)."""
    db = connections[alias].settings_dict
    binary = shutil.which(name, path=os.environ.get("PG_BIN") or None) or shutil.which(name)
    if binary is None:
        raise BackupError(f"{name} was not found (apt-get install postgresql-client-15).")
    args = [binary, "--dbname", db["NAME"], "--no-password"]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args += [option, str(db[key])]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    return args, env


def _dump_database(alias, workdir):
    if _engine(alias) == "sqlite":
        target = workdir / "database.sqlite3"
        source = sqlite3.connect(connections[alias].settings_dict["NAME"])
        copy = sqlite3.connect(target)
        try:
            with copy:
                source.backup(copy)
        finally:
            copy.close()
            source.close()
        return target
    target = workdir / "database.pgdump"
    args, env = _pg_command("pg_dump", alias)
    # the arguments are the site's own settings and paths, never a visitor's input
    subprocess.run([*args, "--format=custom", "--file", str(target)], env=env, check=True)  # noqa: S603
    return target


def media_files(root):
    root = Path(root)
    if not root.exists():
        return []
    return sorted(path for path in root.rglob("*") if path.is_file())


def create(destination, *, alias="default"):
    """Write a backup archive to ``destination``; return its manifest."""
    destination = Path(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    media_root = Path(settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="meslek-backup-") as tmp:
        database = _dump_database(alias, Path(tmp))
        members = {database.name: database}
        for path in media_files(media_root):
            members[f"media/{path.relative_to(media_root).as_posix()}"] = path
        manifest = {
            "format": FORMAT,
            "created": timezone.now().isoformat(),
            "engine": _engine(alias),
            "files": {
                name: {"size": path.stat().st_size, "sha256": _sha256(path)}
                for name, path in members.items()
            },
        }
        partial = destination.with_name(destination.name + ".partial")
        with tarfile.open(partial, "w") as archive:
            data = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
            for name, path in members.items():
                archive.add(path, arcname=name, recursive=False)
        partial.replace(destination)  # a half-written backup never has the final name
    return manifest


def _extract(archive_path, workdir):
    with tarfile.open(archive_path) as archive:
        try:
            manifest = json.load(archive.extractfile(MANIFEST))
        except (KeyError, ValueError) as error:
            raise BackupError("This is not a Meslek Rehberi backup (no manifest).") from error
        if manifest.get("format") != FORMAT:
            raise BackupError("Unknown backup format.")
        names = {member.name for member in archive.getmembers()} - {MANIFEST}
        if names != set(manifest["files"]):
            raise BackupError("The archive's files do not match its manifest.")
        archive.extractall(workdir, filter="data")  # no absolute paths, links or devices
    for name, expected in manifest["files"].items():
        if _sha256(workdir / name) != expected["sha256"]:
            raise BackupError(f"{name} is damaged (checksum mismatch).")
    return manifest


def _restore_database(alias, workdir, engine):
    if engine != _engine(alias):
        raise BackupError(f"The backup is of a {engine} database, this site uses another.")
    connection = connections[alias]
    connection.close()
    if engine == "sqlite":
        source = sqlite3.connect(workdir / "database.sqlite3")
        target = sqlite3.connect(connection.settings_dict["NAME"], timeout=30)
        try:
            with target:
                source.backup(target)
        finally:
            target.close()
            source.close()
        return
    args, env = _pg_command("pg_restore", alias)
    subprocess.run(  # noqa: S603 (the site's own settings and paths)
        [
            *args,
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            "--exit-on-error",
            str(workdir / "database.pgdump"),
        ],
        env=env,
        check=True,
    )


def _restore_media(workdir):
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    source = workdir / "media"
    wanted = set()
    if source.exists():
        for path in media_files(source):
            relative = path.relative_to(source)
            wanted.add(relative)
            target = media_root / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
    for path in media_files(media_root):
        if path.relative_to(media_root) not in wanted:
            path.unlink()


def restore(archive_path, *, alias="default"):
    """Replace the database's contents and the media files with the backup's."""
    with tempfile.TemporaryDirectory(prefix="meslek-restore-") as tmp:
        workdir = Path(tmp)
        manifest = _extract(archive_path, workdir)
        _restore_database(alias, workdir, manifest["engine"])
        _restore_media(workdir)
    return manifest
