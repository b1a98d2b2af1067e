#!/usr/bin/env bash
# Run BU (session 39): run BS's chain (the `full` pipeline in its own clone, the extra sets,
# the rule) for main at the commit runBU/decide.py names. Started with
#   nohup bash reports/local/experiments/runBU/chain.sh > /work/notes/chainBU.log 2>&1 &
# A re-run resumes training from the clone's last checkpoint.
RUN=BU CLONE=/work/exp/bu exec bash "$(dirname "$0")/../runBS/chain.sh"
