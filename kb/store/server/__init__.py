"""Provisioning of a local Neo4j 5.26 Community server from Maven Central jars."""
