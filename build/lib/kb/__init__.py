"""valuenet-kb: a Neo4j knowledge base of the value networks around open-source products."""

__version__ = "0.1.0"
