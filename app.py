#!/usr/bin/env python3
"""CDK entry point: ``npx cdk synth -c stage=dev`` (see cdk.json). No AWS call happens here."""

from infra.app_builder import build_stage_app

build_stage_app().app.synth()
