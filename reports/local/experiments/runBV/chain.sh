#!/usr/bin/env bash
# Run BV (session 41): run BS's chain (the `full` pipeline in its own clone, the extra sets,
# the rule) for main at the commit experiments.md (session 41) names. Started with
#   nohup bash reports/local/experiments/runBV/chain.sh > /work/notes/chainBV.log 2>&1 &
# A re-run resumes training from the clone's last checkpoint.
RUN=BV CLONE=/work/exp/bv exec bash "$(dirname "$0")/../runBS/chain.sh"
