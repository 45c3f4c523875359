// name: console_functions
// description: The Cypher functions the server offers, with their signatures, for the console editor's completion.
// mode: read
SHOW FUNCTIONS YIELD name, signature
RETURN name, signature
ORDER BY name
