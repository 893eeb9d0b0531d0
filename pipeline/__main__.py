"""`python -m pipeline …`: the command line (pipeline.cli)."""
from pipeline.cli import console_main

console_main()
