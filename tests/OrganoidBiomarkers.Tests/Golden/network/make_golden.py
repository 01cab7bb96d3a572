"""Golden values for tests/OrganoidBiomarkers.Tests/Network: networkx 2.8.8 distances and the toolbox's proximity.

Run from this folder with Debian's Python (networkx 2.8.8, numpy):  /usr/bin/python3 make_golden.py
Writes:
  graphs.tsv          graph, a, b: raw edge lists (self-loops, duplicates and small components included)
  summary.tsv         per graph: raw counts and the largest component networkx keeps
  distances_<g>.tsv   all-pairs shortest-path lengths on the largest component (matrix; first row/column = names)
  closest.tsv         calculate_closest_distance for hand-picked (targets, pathway) pairs
  degree_bins.tsv     get_degree_binning for several minimum bin sizes
  retry.tsv           the share of degree-matched random sets that come out smaller than the input (toolbox's 20 retries)
  null_stats.tsv      calculate_proximity (10,000 randomisations, seed 452456) on the 400-node graph: d, mean, sd, z
                      and the 4th central moment of the null (m4), from which the tests derive the sd tolerance
"""
import os
import random
import sys

import networkx as nx
import numpy as np

# The toolbox iterates Python sets of node names, whose order follows the per-process string hash: fix the hash seed
# so the golden file is the same on every run.
if os.environ.get("PYTHONHASHSEED") != "0":
    os.execve(sys.executable, [sys.executable] + sys.argv, {**os.environ, "PYTHONHASHSEED": "0"})

from toolbox_proximity import calculate_closest_distance, calculate_proximity, get_degree_binning, largest_component

# --- hand-made graphs --------------------------------------------------------------------------------------------
graphs = {}
# toy: a self-loop (C-C), duplicates (A-B twice more, as B-A and A-B), a 3-node and a 2-node side component.
# Lower-case names check ordinal (not culture) ordering.
graphs["toy"] = [("A", "B"), ("B", "C"), ("C", "D"), ("D", "E"), ("B", "E"), ("E", "F"), ("F", "G"), ("C", "C"),
                 ("B", "A"), ("A", "B"), ("X", "Y"), ("Y", "Z"), ("b", "a")]
# ring_tail: an 8-cycle with a chord and a 3-node tail; a self-loop on R5; an isolated self-loop node Q.
ring = [(f"R{i}", f"R{i % 8 + 1}") for i in range(1, 9)]
graphs["ring_tail"] = ring + [("R3", "R6"), ("R1", "T1"), ("T1", "T2"), ("T2", "T3"), ("R5", "R5"), ("Q", "Q")]
# grid: 5 x 4 lattice (long distances, many ties).
graphs["grid"] = [(f"g{u[0]}{u[1]}", f"g{v[0]}{v[1]}") for u, v in nx.grid_2d_graph(5, 4).edges()]
# ba60: scale-free, for the degree binning. pl400: 400 nodes with heavy-tailed degrees for the null statistics;
# larger than one 256-source batch of the bit-parallel BFS, with a partial last batch.
graphs["ba60"] = [(f"B{u:02d}", f"B{v:02d}") for u, v in nx.barabasi_albert_graph(60, 2, seed=1).edges()]
graphs["pl400"] = [(f"P{u:03d}", f"P{v:03d}") for u, v in nx.powerlaw_cluster_graph(400, 2, 0.3, seed=11).edges()]

with open("graphs.tsv", "w") as f:
    f.write("graph\ta\tb\n")
    for name, edges in graphs.items():
        for a, b in edges:
            f.write(f"{name}\t{a}\t{b}\n")


def build(edges):
    """The toolbox's network: nx.Graph of the edges (duplicates collapse), self-loops removed, largest component."""
    g = nx.Graph()
    g.add_edges_from(edges)
    g.remove_edges_from(list(nx.selfloop_edges(g)))
    return g, largest_component(g)


with open("summary.tsv", "w") as f:
    # nodes: nodes with at least one edge to another node (a node seen only in a self-loop has none).
    f.write("graph\tedges_raw\tself_loops\tedges_unique\tnodes\tlcc_nodes\tlcc_edges\n")
    for name, edges in graphs.items():
        g, lcc = build(edges)
        self_loops = sum(1 for a, b in edges if a == b)
        f.write(f"{name}\t{len(edges)}\t{self_loops}\t{g.number_of_edges()}\t{sum(1 for v in g if g.degree(v) > 0)}\t"
                f"{lcc.number_of_nodes()}\t{lcc.number_of_edges()}\n")

lccs = {name: build(edges)[1] for name, edges in graphs.items()}
for name, lcc in lccs.items():
    nodes = sorted(lcc.nodes())
    lengths = dict(nx.all_pairs_shortest_path_length(lcc))
    with open(f"distances_{name}.tsv", "w") as f:
        f.write("node\t" + "\t".join(nodes) + "\n")
        for a in nodes:
            f.write(a + "\t" + "\t".join(str(lengths[a][b]) for b in nodes) + "\n")

# --- closest distance ------------------------------------------------------------------------------------------
closest_cases = [
    ("toy", ["A"], ["G"]), ("toy", ["A", "G"], ["D"]), ("toy", ["D"], ["A", "G"]), ("toy", ["A", "B"], ["B", "F"]),
    ("toy", ["A", "X", "nope"], ["G", "Z"]),  # X, Z are off the largest component, 'nope' is not a node
    ("ring_tail", ["T3"], ["R5"]), ("ring_tail", ["T3", "R4"], ["R6", "R7"]), ("ring_tail", ["R6", "R7"], ["T3", "R4"]),
    ("grid", ["g00"], ["g43"]), ("grid", ["g00", "g43", "g21"], ["g30", "g03"]), ("grid", ["g11", "g12"], ["g11"]),
]
with open("closest.tsv", "w") as f:
    f.write("graph\ttargets\tpathway\td\n")
    for name, t, s in closest_cases:
        lcc = lccs[name]
        nodes = set(lcc.nodes())
        d = calculate_closest_distance(lcc, set(t) & nodes, set(s) & nodes)
        f.write(f"{name}\t{','.join(t)}\t{','.join(s)}\t{d!r}\n")

# --- degree binning --------------------------------------------------------------------------------------------
with open("degree_bins.tsv", "w") as f:
    f.write("graph\tmin_bin_size\tbin\tlow\thigh\tnodes\n")
    for name, sizes in [("ba60", [1, 5, 10, 17, 30, 60]), ("pl400", [25, 50, 100, 150]), ("grid", [1, 3, 6])]:
        for size in sizes:
            for k, (low, high, nodes) in enumerate(get_degree_binning(lccs[name], size)):
                f.write(f"{name}\t{size}\t{k}\t{low}\t{high}\t{','.join(sorted(nodes))}\n")

# --- null statistics -------------------------------------------------------------------------------------------
pl = lccs["pl400"]
lengths = dict(nx.all_pairs_shortest_path_length(pl))
pick = random.Random(3)
nodes = sorted(pl.nodes())
hub = max(nodes, key=lambda v: (pl.degree(v), v))
# Target and pathway sets of different sizes: the toolbox reseeds Python's generator with the same seed before the
# random target and the random pathway sets, which couples the two series only when they draw in step.
cases = [
    ("one_target", pick.sample(nodes, 1), pick.sample(nodes, 12), 25),
    ("four_targets", pick.sample(nodes, 4), pick.sample(nodes, 30), 25),
    ("default_bins", pick.sample(nodes, 2), pick.sample(nodes, 5), 100),
    ("absent_names", pick.sample(nodes, 3) + ["ZZZ"], pick.sample(nodes, 20) + ["YYY", "XXX"], 50),
    ("hub_target", [hub], pick.sample(nodes, 8), 25),
    ("big_pathway", pick.sample(nodes, 3), pick.sample(nodes, 80), 25),
]
# 10x the toolbox's default: tighter sampling tolerances in the tests for the same code path.
N_RANDOM = 10000
with open("null_stats.tsv", "w") as f:
    f.write("case\ttargets\tpathway\tmin_bin_size\tn_random\td\tmean\tsd\tz\tm4\n")
    for name, t, s, size in cases:
        bins = get_degree_binning(pl, size)
        d, z, (m, sd), values = calculate_proximity(pl, t, s, bins=bins, n_random=N_RANDOM, min_bin_size=size, lengths=lengths)
        m4 = float(np.mean((values - m) ** 4))
        f.write(f"{name}\t{','.join(t)}\t{','.join(s)}\t{size}\t{N_RANDOM}\t{d!r}\t{m!r}\t{sd!r}\t{z!r}\t{m4!r}\n")

# --- the 20-retry rule -----------------------------------------------------------------------------------------
# A triangle: one bin {a, b, c}. Random set for (a, b, c): after a->b, b->a, c's only candidates are taken, 21 draws
# all collide and the set keeps 2 nodes. Analytically 1/4 (+ O(2^-20)); here as the toolbox draws it.
tri = nx.Graph([("a", "b"), ("b", "c"), ("a", "c")])
tri_bins = get_degree_binning(tri, 1)
draws = 100000
from toolbox_proximity import pick_random_nodes_matching_selected
sets = pick_random_nodes_matching_selected(tri, tri_bins, ["a", "b", "c"], draws, seed=452456)
with open("retry.tsv", "w") as f:
    f.write("draws\tsmaller\n")
    f.write(f"{draws}\t{sum(1 for r in sets if len(r) < 3)}\n")
