#!/usr/bin/env bash
# Run BW (session 42): run BS's chain (the `full` pipeline in its own clone, the extra sets,
# the rule) for main at the commit experiments.md names when it starts:
#   git clone -q /work/main /work/exp/bw
#   nohup bash reports/local/experiments/runBW/chain.sh > /work/exp/chainBW.log 2>&1 &
# A re-run resumes training from the clone's last checkpoint. Needs ~4 h on a machine with
# bf16 (AVX512-BF16 or AMX) and about twice that in fp32: start it where the machine lasts.
# Its adapter and extra sets stay under /work/exp/keepBW (session 43: /work/notes was emptied
# between sessions while /work/exp survived).
RUN=BW CLONE=/work/exp/bw KEEP=/work/exp/keepBW exec bash "$(dirname "$0")/../runBS/chain.sh"
