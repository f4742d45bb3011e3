"""Wall time and peak memory of a whole process, as /usr/bin/time -v reports them (standard library only)."""
import re
import subprocess
import sys


def timed(command):
    """Runs command; returns (wall seconds, peak resident MB). Exits with its error output if it fails."""
    run = subprocess.run(["/usr/bin/time", "-v", *command], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({run.returncode}):\n{run.stderr}")
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", run.stderr).group(1)
    minutes, seconds = wall.split(":")[-2:]
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr).group(1))
    return 60 * float(minutes) + float(seconds), rss / 1024
