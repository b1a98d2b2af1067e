#!/usr/bin/env bash
# Run BT (session 38): run BS's chain (the `full` pipeline in its own clone, the extra sets,
# the rule) for main at the commit runBT/decide.py names. Started with
#   nohup bash reports/local/experiments/runBT/chain.sh > /work/notes/chainBT.log 2>&1 &
RUN=BT CLONE=/work/exp/bt exec bash "$(dirname "$0")/../runBS/chain.sh"
