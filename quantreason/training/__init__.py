"""LoRA + FSDP2 fine-tuning (issue 5). Importing this package is cheap: torch loads on use.

Modules, one concern each: ``config`` (typed YAML profiles), ``environment`` (ranks, SageMaker),
``batching`` (chat examples, response-only labels, length-grouped batches), ``model`` (base +
LoRA, loss), ``distributed`` (process group, mesh, ``fully_shard``), ``checkpoint`` (DCP resume),
``export`` (PEFT adapter + reload check), ``metrics``/``progress`` (log, PNG, bar), ``trainer``
(the run), ``recipe`` (entry point), ``launch`` (torchrun command), ``bench`` (bench-train).
"""
