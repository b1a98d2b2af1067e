"""Operating quantreason in AWS: the logic behind ``quantreason aws ...``.

One module per command (``upload``, ``training``, ``deploy``, ``invoke``, ``status``, ``cost``,
``teardown``) over shared pieces: ``session`` (clients with one retry policy, error
translation), ``stacks`` (resources found through CloudFormation outputs and tags),
``recorder`` (``--dry-run``). The stage's default region comes from ``quantreason.stages``.
boto3 is imported inside functions.
"""
