// name: bench_floor_nodes
// description: The write floor: $nodes components made on the server (no data sent), each with the four properties every kb node has (id, name, hash, sources).
// mode: write
// param: nodes: int | How many nodes to create.
UNWIND range(0, $nodes - 1) AS i
CREATE (:Entity:Component {id: 'floor/c' + i, name: 'component ' + i, hash: 'h' + i,
                           sources: ['floor']})
