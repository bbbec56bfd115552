"""A minimal client for the fidelity service."""

import os

# --8<-- [start:setup]
def setup():
    """Reads the settings from the environment."""
    region = os.environ.get("FIDELITY_REGION", "eu-3")
    return Client(region=region)
# --8<-- [end:setup]


# --8<-- [start:call]
def call(client, path):
    response = client.get(path, timeout=30)
    response.raise_for_status()
    return response.json()
# --8<-- [end:call]
