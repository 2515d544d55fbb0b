"""Coding agent that may only touch its scratch checkout, and asks before any command runs."""
from pathlib import Path

from langchain_community.agent_toolkits import FileManagementToolkit
from langchain_core.tools import tool

SCRATCH = Path(__file__).resolve().parent / "scratch"

file_tools = FileManagementToolkit(
    root_dir=str(SCRATCH),
    selected_tools=["read_file", "write_file", "list_directory", "file_search"],
).get_tools()


@tool
def run_tests(pattern: str) -> str:
    """Run the project's pytest suite filtered by a -k pattern."""
    import subprocess

    result = subprocess.run(
        ["pytest", "-q", "-k", pattern],
        cwd=SCRATCH,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return result.stdout[-4000:]


TOOLS = [*file_tools, run_tests]
