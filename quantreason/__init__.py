"""quantreason: LoRA + FSDP fine-tuning for quantitative finance questions, served on SageMaker.

The core package holds the domain logic shared by ``training/``, ``inference/``, ``infra/``
and the CLI. Importing it is cheap: heavy libraries (torch, transformers) are imported only by
the modules that need them.
"""

__version__ = "0.1.0"
