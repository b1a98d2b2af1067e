"""``quantreason eval`` with the numerals rewrite switched off, to pair against it on.

Usage (the same arguments as ``quantreason eval``)::

    python reports/local/experiments/runAK/numerals_off.py --base embedded --adapter ... \
        --out DIR ...

The rewrite (``quantreason.numerals.canonical_numerals``) is looked up by
``quantreason.reply.formatting.question_as_read``, which the prompt and the grounding check
both call; replacing it there with the identity gives the model and the checks the question
exactly as typed, as before session 19.
"""

from __future__ import annotations

import quantreason.reply.formatting as formatting
from quantreason.cli import main

formatting.canonical_numerals = lambda text: text  # type: ignore[assignment]

if __name__ == "__main__":
    import sys

    sys.argv = ["quantreason", "eval", *sys.argv[1:]]
    main()
