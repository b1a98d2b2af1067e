"""Where the training job and the endpoint run: network isolation and an optional VPC.

``EnableNetworkIsolation`` cuts the container off from every network (no hub, no pip, no S3
from the container); SageMaker itself still copies input channels, model data and
checkpoints. A VPC puts the ENIs in the stage's subnets, which then need an S3 gateway
endpoint (no NAT) for those copies; see the README's "Operating in AWS".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from aws_cdk import aws_iam as iam

#: What SageMaker needs to create ENIs in the stage's subnets (training jobs and endpoints).
VPC_ACTIONS = [
    "ec2:CreateNetworkInterface",
    "ec2:CreateNetworkInterfacePermission",
    "ec2:DeleteNetworkInterface",
    "ec2:DeleteNetworkInterfacePermission",
    "ec2:DescribeNetworkInterfaces",
    "ec2:DescribeVpcs",
    "ec2:DescribeDhcpOptions",
    "ec2:DescribeSubnets",
    "ec2:DescribeSecurityGroups",
]


@dataclass(frozen=True)
class NetworkProps:
    """Isolation flag and VPC placement (empty lists: no VPC)."""

    isolated: bool = False
    subnet_ids: list[str] = field(default_factory=list)
    security_group_ids: list[str] = field(default_factory=list)

    @property
    def in_vpc(self) -> bool:
        """Whether jobs and endpoint get ENIs in the stage's subnets."""
        return bool(self.subnet_ids)

    def vpc_config(self) -> dict[str, Any] | None:
        """The API's ``VpcConfig`` (``Subnets``, ``SecurityGroupIds``), or None."""
        if not self.in_vpc:
            return None
        return {"Subnets": self.subnet_ids, "SecurityGroupIds": self.security_group_ids}

    def grant_vpc_access(self, role: iam.IRole) -> None:
        """Let SageMaker (acting as ``role``) create and delete its ENIs; only with a VPC.

        EC2's network-interface actions take no resource ARN at creation time, hence ``*``.
        """
        if self.in_vpc:
            role.add_to_principal_policy(iam.PolicyStatement(actions=VPC_ACTIONS, resources=["*"]))
