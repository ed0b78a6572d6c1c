"""What the Python tests share: the CLI under test ($LAKEHOUSE_BIN) and lakes made with it."""
import os
import subprocess

BIN = os.environ["LAKEHOUSE_BIN"]


def new_lake(path):
    """A new empty lake in folder `path` (returned as a string)."""
    path = str(path)
    subprocess.run([BIN, "init", path], check=True, capture_output=True)
    return path


def cli(lake_dir, sql):
    """Runs SQL through the CLI: another process than the test's."""
    subprocess.run([BIN, "--lake", lake_dir, "sql", "-c", sql], check=True, capture_output=True)
